//! What the PDF endpoint answers, read into the PDF's bytes.

use base64::Engine;

/// The largest PDF saved (the answer itself is at most 16 MiB; Base64 makes a third more).
pub const MAX_PDF_BYTES: usize = 12 * 1024 * 1024;

/// The keys a JSON answer may hold the Base64 text under, tried first; then any string.
const LIKELY_KEYS: [&str; 6] = ["pdf", "file", "content", "data", "base64", "report"];

/// The PDF in an answer: its own bytes (`%PDF-…`), a JSON object with the Base64 text in a
/// string field, a JSON string, or a bare Base64 text (a `data:` URL's prefix allowed). Why
/// not, cleaned and shortened, when it is none of these or does not decode to a PDF.
pub fn pdf_bytes(body: &[u8], content_type: Option<&str>) -> Result<Vec<u8>, String> {
    if body.starts_with(b"%PDF-") {
        return bounded(body.to_vec());
    }
    let text = std::str::from_utf8(body)
        .map_err(|_| {
            format!(
                "the answer is not a PDF nor Base64 text: {}",
                what(body, content_type)
            )
        })?
        .trim();
    if text.is_empty() {
        return Err("the answer is empty: no PDF came".to_string());
    }
    if text.starts_with('{') || text.starts_with('"') {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|_| format!("the answer is not a PDF: {}", what(body, content_type)))?;
        return from_json(&value).ok_or_else(|| {
            format!(
                "the answer holds no PDF in Base64: {}",
                what(body, content_type)
            )
        })?;
    }
    from_base64(text).ok_or_else(|| {
        format!(
            "the answer is not a PDF nor Base64 of one: {}",
            what(body, content_type)
        )
    })?
}

/// The PDF in a JSON answer: a string that decodes to one, under a likely key first.
fn from_json(value: &serde_json::Value) -> Option<Result<Vec<u8>, String>> {
    match value {
        serde_json::Value::String(text) => from_base64(text),
        serde_json::Value::Object(fields) => {
            let likely = LIKELY_KEYS.iter().filter_map(|key| fields.get(*key));
            let others = fields.values();
            likely.chain(others).find_map(|value| match value {
                serde_json::Value::String(text) => from_base64(text),
                serde_json::Value::Object(_) => from_json(value),
                _ => None,
            })
        }
        _ => None,
    }
}

/// Base64 (standard or URL-safe, with or without padding, line breaks allowed) that decodes
/// to a PDF; `None` when it is not Base64 or not a PDF.
fn from_base64(text: &str) -> Option<Result<Vec<u8>, String>> {
    let text = text.trim();
    let text = match text.split_once(";base64,") {
        Some((head, rest)) if head.starts_with("data:") => rest,
        _ => text,
    };
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    if compact.len() > MAX_PDF_BYTES / 3 * 4 + 4 {
        return Some(Err(format!(
            "the PDF is over {} MiB; not saved",
            MAX_PDF_BYTES >> 20
        )));
    }
    let engines = [
        base64::engine::general_purpose::STANDARD,
        base64::engine::general_purpose::STANDARD_NO_PAD,
        base64::engine::general_purpose::URL_SAFE,
        base64::engine::general_purpose::URL_SAFE_NO_PAD,
    ];
    let decoded = engines.iter().find_map(|e| e.decode(&compact).ok())?;
    decoded.starts_with(b"%PDF-").then(|| bounded(decoded))
}

fn bounded(pdf: Vec<u8>) -> Result<Vec<u8>, String> {
    if pdf.len() > MAX_PDF_BYTES {
        Err(format!(
            "the PDF is over {} MiB; not saved",
            MAX_PDF_BYTES >> 20
        ))
    } else {
        Ok(pdf)
    }
}

/// What came instead, for an error: its type and its start, cleaned and shortened.
fn what(body: &[u8], content_type: Option<&str>) -> String {
    let start: String = String::from_utf8_lossy(&body[..body.len().min(120)])
        .chars()
        .take(80)
        .collect();
    let start = crate::text::shown(start.trim());
    let more = if body.len() > 80 { "…" } else { "" };
    match content_type {
        Some(kind) => format!(
            "{} bytes of {}: {start}{more}",
            body.len(),
            crate::text::shown(kind)
        ),
        None => format!("{} bytes: {start}{more}", body.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";

    fn b64(bytes: &[u8]) -> String {
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }

    #[test]
    fn every_shape_the_answer_may_take_gives_the_pdf() {
        let encoded = b64(PDF);
        for body in [
            PDF.to_vec(),
            encoded.clone().into_bytes(),
            format!("{encoded}\n").into_bytes(),
            format!("\"{encoded}\"").into_bytes(),
            format!("{{\"pdf\": \"{encoded}\"}}").into_bytes(),
            format!("{{\"scanRef\": \"x\", \"fileBase64\": \"{encoded}\"}}").into_bytes(),
            format!("data:application/pdf;base64,{encoded}").into_bytes(),
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .encode(PDF)
                .into_bytes(),
        ] {
            assert_eq!(
                pdf_bytes(&body, None).as_deref(),
                Ok(PDF),
                "{}",
                String::from_utf8_lossy(&body)
            );
        }
    }

    #[test]
    fn anything_else_is_refused_saying_what_came() {
        let html = b"<html><body>\x1b[2JBad gateway</body></html>";
        let why = pdf_bytes(html, Some("text/html")).unwrap_err();
        assert!(
            why.starts_with(
                "the answer is not a PDF nor Base64 of one: 41 bytes of text/html: <html>"
            ),
            "{why}"
        );
        assert!(!why.contains('\u{1b}'), "{why}");
        assert!(pdf_bytes(b"", None).unwrap_err().contains("empty"));
        let not_pdf = b64(b"GIF89a not a pdf");
        assert!(pdf_bytes(not_pdf.as_bytes(), None).is_err());
        assert!(
            pdf_bytes(br#"{"identifier": "OK", "message": "done"}"#, None)
                .unwrap_err()
                .starts_with("the answer holds no PDF in Base64")
        );
        assert!(pdf_bytes(&[0xff, 0xfe, 0x00], None).is_err());
        let mut huge = b"%PDF-".to_vec();
        huge.resize(MAX_PDF_BYTES + 1, b'x');
        assert!(pdf_bytes(&huge, None).unwrap_err().contains("over 12 MiB"));
    }
}
