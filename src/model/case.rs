//! The three answers about one case, by name: never a positional `[_; 3]`.

/// What one case has, by part: the status, data and files answers, or anything made of
/// them (where each came from, its decoded body).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Case<T> {
    pub status: T,
    pub data: T,
    pub files: T,
}

/// The parts' names, as JSON keys and file stems use them.
pub const PART_NAMES: Case<&str> = Case {
    status: "status",
    data: "data",
    files: "files",
};

impl<T> Case<T> {
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Case<U> {
        Case {
            status: f(self.status),
            data: f(self.data),
            files: f(self.files),
        }
    }

    pub fn as_ref(&self) -> Case<&T> {
        Case {
            status: &self.status,
            data: &self.data,
            files: &self.files,
        }
    }

    /// The parts from a list in the order they are shown: status, data, files.
    pub fn from_parts([status, data, files]: [T; 3]) -> Case<T> {
        Case {
            status,
            data,
            files,
        }
    }

    /// The parts in the order they are shown: status, data, files.
    pub fn into_parts(self) -> [T; 3] {
        [self.status, self.data, self.files]
    }

    /// Each part with its name, in order.
    pub fn named(self) -> [(&'static str, T); 3] {
        [
            (PART_NAMES.status, self.status),
            (PART_NAMES.data, self.data),
            (PART_NAMES.files, self.files),
        ]
    }
}
