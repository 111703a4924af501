//! Which links a download fetches, under which safe file names and extensions.

use std::collections::HashSet;

use crate::model::{FilesView, LinkSource};
use crate::net::urls;

const MAX_STEM_CHARS: usize = 100;
/// Stems a downloaded file never takes: the folder's own files (`manifest.json`, and a case
/// file's `status.json`, `data.json`, `files.json` and `report.html`).
const RESERVED_STEMS: [&str; 5] = ["manifest", "status", "data", "files", "report"];

/// One file to fetch: the key as the API sent it, the safe file stem, and the link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub key: String,
    pub stem: String,
    pub url: String,
}

/// What `--download` will fetch, and the requested keys that have no link.
#[derive(Debug, Default)]
pub struct Plan {
    pub targets: Vec<Target>,
    pub without_link: Vec<String>,
}

/// Every non-null link of `fileUrls`, `videoUrls`, `additionalStepPdfUrls` (and top-level
/// links found nowhere else), every key with a link, filtered by `only` (keys, any case). An `only`
/// key the response does not have is an error naming the keys it does have.
pub fn plan(view: &FilesView<'_>, only: &[String]) -> Result<Plan, String> {
    let wanted = |key: &str| only.is_empty() || only.iter().any(|o| o.eq_ignore_ascii_case(key));
    if let Some(unknown) = only
        .iter()
        .find(|o| !view.links.iter().any(|l| l.key.eq_ignore_ascii_case(o)))
    {
        let mut keys: Vec<&str> = Vec::new();
        for link in &view.links {
            if !keys.contains(&link.key) {
                keys.push(link.key);
            }
        }
        return Err(format!(
            "--only {unknown}: the response has no such file key (it has: {})",
            if keys.is_empty() {
                "none".to_string()
            } else {
                keys.join(", ")
            }
        ));
    }
    let mut plan = Plan::default();
    let mut seen_urls = HashSet::new();
    // `manifest.json` and the case file's own files are the folder's: no key takes their names.
    let mut stems: HashSet<String> = RESERVED_STEMS.iter().map(|s| s.to_string()).collect();
    for link in view.links.iter().filter(|l| wanted(l.key)) {
        let Some(url) = link.url() else {
            if link.source != LinkSource::TopLevel {
                plan.without_link.push(link.key.to_string());
            }
            continue;
        };
        // A legacy top-level copy of a link is not fetched twice; two keys that share a
        // link are both saved.
        if !seen_urls.insert(url) && link.source == LinkSource::TopLevel {
            continue;
        }
        plan.targets.push(Target {
            key: link.key.to_string(),
            stem: safe_stem(link.key),
            url: url.to_string(),
        });
    }
    // Keys that reduce to the same name are told apart in the order of the keys themselves,
    // not of the response, so that each gets the same name on every run.
    let mut order: Vec<usize> = (0..plan.targets.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&plan.targets[a], &plan.targets[b]);
        (a.stem.to_ascii_lowercase(), &a.key).cmp(&(b.stem.to_ascii_lowercase(), &b.key))
    });
    for index in order {
        let stem = std::mem::take(&mut plan.targets[index].stem);
        plan.targets[index].stem = unique_stem(stem, &mut stems);
    }
    Ok(plan)
}

/// A key reduced to `[A-Za-z0-9_-]`, at most 100 characters, never empty.
fn safe_stem(key: &str) -> String {
    let mut stem: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(MAX_STEM_CHARS)
        .collect();
    if stem.is_empty() {
        return "file".to_string();
    }
    // Names Windows reserves for devices (CON, NUL, COM1…) are no file names there.
    if is_windows_device(&stem) {
        stem.push('_');
    }
    stem
}

/// `CON`, `PRN`, `AUX`, `NUL`, `COM1`–`COM9`, `LPT1`–`LPT9`, in any case.
fn is_windows_device(stem: &str) -> bool {
    let upper = stem.to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && matches!(upper.as_bytes()[3], b'1'..=b'9'))
}

/// `stem`, or `stem-2`, `stem-3`… when taken (compared without case, for file systems that ignore it).
fn unique_stem(stem: String, taken: &mut HashSet<String>) -> String {
    let mut candidate = stem.clone();
    let mut n = 2;
    while !taken.insert(candidate.to_ascii_lowercase()) {
        candidate = format!("{stem}-{n}");
        n += 1;
    }
    candidate
}

/// The only extensions a saved file gets: photos, videos and PDFs. A server cannot make
/// the tool write `.html`, `.svg` or `.sh`.
pub const EXTENSIONS: [&str; 9] = [
    "jpg", "png", "webp", "heic", "gif", "mp4", "webm", "mov", "pdf",
];

/// The file extension for a Content-Type, else the URL path's, within [`EXTENSIONS`];
/// anything else is `bin`.
pub fn extension(content_type: Option<&str>, url: &str) -> String {
    let by_type = match content_type
        .map(|t| t.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some("image/jpeg" | "image/jpg") => Some("jpg"),
        Some("image/png") => Some("png"),
        Some("image/webp") => Some("webp"),
        Some("image/heic" | "image/heif") => Some("heic"),
        Some("image/gif") => Some("gif"),
        Some("video/mp4") => Some("mp4"),
        Some("video/webm") => Some("webm"),
        Some("video/quicktime") => Some("mov"),
        Some("application/pdf") => Some("pdf"),
        _ => None,
    };
    let by_path = || {
        let ext = urls::path_extension(url)?;
        let ext = if ext == "jpeg" {
            "jpg".to_string()
        } else {
            ext
        };
        EXTENSIONS.contains(&ext.as_str()).then_some(ext)
    };
    match by_type {
        Some(ext) => ext.to_string(),
        None => by_path().unwrap_or_else(|| "bin".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FilesView;
    use crate::model::decode;

    #[test]
    fn hostile_keys_become_safe_stems() {
        assert_eq!(safe_stem("../../x"), "______x");
        assert_eq!(safe_stem("A B/1"), "A_B_1");
        assert_eq!(safe_stem(""), "file");
        assert_eq!(safe_stem("FACE_VIDEO-2"), "FACE_VIDEO-2");
        assert_eq!(safe_stem("ŠKEY"), "_KEY");
        assert_eq!(safe_stem(&"k".repeat(300)).len(), MAX_STEM_CHARS);
    }

    #[test]
    fn windows_device_names_never_become_file_names() {
        for device in ["CON", "nul", "Aux", "PRN", "COM1", "lpt9"] {
            assert_eq!(safe_stem(device), format!("{device}_"));
        }
        for fine in ["COM", "COM10", "CONSOLE", "LPT0", "FACE"] {
            assert_eq!(safe_stem(fine), fine);
        }
        // Trailing dots and spaces are never kept either.
        assert_eq!(safe_stem("FRONT. "), "FRONT__");
    }

    #[test]
    fn keys_that_reduce_to_one_name_get_the_same_names_whatever_the_order() {
        let names = |body: &[u8]| {
            let doc = decode(body).unwrap();
            let plan = plan(&FilesView::new(&doc.body), &[]).unwrap();
            let mut names: Vec<(String, String)> =
                plan.targets.into_iter().map(|t| (t.key, t.stem)).collect();
            names.sort();
            names
        };
        let one =
            names(br#"{"fileUrls":{"A B":"https://h/1","A_B":"https://h/2","A.B":"https://h/3"}}"#);
        let other =
            names(br#"{"fileUrls":{"A.B":"https://h/3","A_B":"https://h/2","A B":"https://h/1"}}"#);
        assert_eq!(one, other);
    }

    #[test]
    fn extension_prefers_content_type_then_path_then_bin() {
        assert_eq!(extension(Some("image/jpeg"), "https://h/a.png"), "jpg");
        assert_eq!(extension(Some("video/quicktime"), "https://h/a"), "mov");
        assert_eq!(
            extension(Some("application/octet-stream"), "https://h/a.PNG?x=1"),
            "png"
        );
        assert_eq!(extension(None, "https://h/a"), "bin");
        assert_eq!(extension(None, "https://h/a.JPEG"), "jpg");
        for hostile in ["text/html", "image/svg+xml", "application/x-sh"] {
            assert_eq!(extension(Some(hostile), "https://h/HTML.html"), "bin");
            assert_eq!(extension(Some(hostile), "https://h/SVG.svg"), "bin");
            assert_eq!(extension(Some(hostile), "https://h/SH.sh"), "bin");
        }
    }

    #[test]
    fn plan_skips_nulls_and_legacy_copies_but_keeps_every_key() {
        let doc = decode(
            br#"{"FACE":"https://h/FACE.png","LEGACY":"https://h/old.png",
                "fileUrls":{"FACE":"https://h/FACE.png","BACK":null,"A B":"https://h/1","A_B":"https://h/2"},
                "videoUrls":{"FACE_VIDEO":"https://h/v.mp4"},"additionalStepPdfUrls":{}}"#,
        )
        .unwrap();
        let view = FilesView::new(&doc.body);
        let plan = plan(&view, &[]).unwrap();
        let stems: Vec<&str> = plan.targets.iter().map(|t| t.stem.as_str()).collect();
        assert_eq!(stems, ["FACE", "A_B", "A_B-2", "FACE_VIDEO", "LEGACY"]);
        assert_eq!(plan.without_link, ["BACK"]);
    }

    #[test]
    fn two_keys_sharing_a_link_are_both_planned_and_manifest_is_never_a_stem() {
        let doc = decode(
            br#"{"fileUrls":{"FRONT":"https://h/same.png","BACK":"https://h/same.png",
                "manifest":"https://h/m.png","MANIFEST":"https://h/m2.png"}}"#,
        )
        .unwrap();
        let plan = plan(&FilesView::new(&doc.body), &[]).unwrap();
        let stems: Vec<&str> = plan.targets.iter().map(|t| t.stem.as_str()).collect();
        // Told apart by the keys themselves: MANIFEST sorts before manifest.
        assert_eq!(stems, ["FRONT", "BACK", "manifest-3", "MANIFEST-2"]);
    }

    #[test]
    fn no_key_takes_the_name_of_a_case_files_own_files() {
        let doc = decode(
            br#"{"fileUrls":{"status":"https://h/1.png","DATA":"https://h/2.png",
                "Files":"https://h/3.png","report":"https://h/4.png","FACE":"https://h/5.png"}}"#,
        )
        .unwrap();
        let plan = plan(&FilesView::new(&doc.body), &[]).unwrap();
        let stems: Vec<&str> = plan.targets.iter().map(|t| t.stem.as_str()).collect();
        assert_eq!(stems, ["status-2", "DATA-2", "Files-2", "report-2", "FACE"]);
    }

    #[test]
    fn only_filters_by_key_and_rejects_unknown_keys() {
        let doc = decode(br#"{"fileUrls":{"FRONT":"https://h/f","BACK":"https://h/b"}}"#).unwrap();
        let view = FilesView::new(&doc.body);
        let plan = plan(&view, &["front".to_string()]).unwrap();
        assert_eq!(plan.targets.len(), 1);
        assert_eq!(plan.targets[0].key, "FRONT");
        let err = super::plan(&view, &["SELFIE".to_string()]).unwrap_err();
        assert_eq!(
            err,
            "--only SELFIE: the response has no such file key (it has: FRONT, BACK)"
        );
    }
}
