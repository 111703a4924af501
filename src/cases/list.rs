//! The list of several scanRefs: typed, or read from a file, one a line.

use crate::model::check_scan_ref;

/// A line of a list of scanRefs that is not one, by its number (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub line: usize,
    pub reason: String,
}

/// The scanRefs of a list, one per line: the blank space around each is trimmed, blank
/// lines are skipped, and `#` starts a comment (a scanRef cannot hold one). Every line is
/// checked before anything is sent; the first bad one is the error.
pub fn parse_list(bytes: &[u8]) -> Result<Vec<String>, BadLine> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut refs = Vec::new();
    for (index, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let bad = |reason: String| BadLine {
            line: index + 1,
            reason,
        };
        let line = std::str::from_utf8(line).map_err(|_| bad("not UTF-8 text".to_string()))?;
        let text = line.split('#').next().unwrap_or("").trim();
        if text.is_empty() {
            continue;
        }
        refs.push(check_scan_ref(text).map_err(bad)?.to_string());
    }
    Ok(refs)
}

/// Each scanRef once, where it first appears.
pub fn distinct(refs: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    refs.into_iter()
        .filter(|r| seen.insert(r.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_skip_blank_lines_and_comments_and_trim_each_line() {
        let text = b"\xEF\xBB\xBF# cases\r\n  abc-1 \r\n\n\t\nabc_2# note\n#abc-3\nabc-1\n";
        assert_eq!(parse_list(text).unwrap(), ["abc-1", "abc_2", "abc-1"]);
        assert_eq!(parse_list(b"").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn a_bad_line_is_named_by_its_number() {
        let err = parse_list(b"ok-1\n\nnot ok\nok-2\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.reason.contains("letters, digits"), "{}", err.reason);
        assert_eq!(parse_list(b"ok\n\xff\n").unwrap_err().line, 2);
        assert_eq!(parse_list("a".repeat(41).as_bytes()).unwrap_err().line, 1);
    }

    #[test]
    fn duplicates_keep_their_first_place() {
        let refs = ["b", "a", "b", "c", "a"].map(String::from).to_vec();
        assert_eq!(distinct(refs), ["b", "a", "c"]);
    }
}
