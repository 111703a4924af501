//! Small pure helpers for URLs: query parameters, signature redaction, link expiry.

/// Query parameter names that carry a signature or a credential in pre-signed links.
const SIGNING_PARAMS: [&str; 6] = [
    "signature",
    "x-amz-signature",
    "x-amz-credential",
    "x-amz-security-token",
    "awsaccesskeyid",
    "token",
];

/// Whether `text` starts like an http or https link (scheme in any case).
pub fn is_http_url(text: &str) -> bool {
    let head = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    head.starts_with("https://") || head.starts_with("http://")
}

/// The `(name, value)` pairs of a URL's query, undecoded.
fn query_pairs(url: &str) -> impl Iterator<Item = (&str, &str)> {
    let query = url
        .split_once('?')
        .map(|(_, q)| q.split('#').next().unwrap_or(q))
        .unwrap_or("");
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
}

/// The URL without its query string and fragment.
pub fn without_query(url: &str) -> &str {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    &url[..end]
}

/// The URL with the values of signature and credential parameters replaced by `REDACTED`.
pub fn redact_signatures(url: &str) -> String {
    let base = without_query(url);
    if base.len() == url.len() {
        return url.to_string();
    }
    let pairs: Vec<String> = query_pairs(url)
        .map(|(name, value)| {
            if SIGNING_PARAMS.contains(&name.to_ascii_lowercase().as_str()) {
                format!("{name}=REDACTED")
            } else if value.is_empty() {
                name.to_string()
            } else {
                format!("{name}={value}")
            }
        })
        .collect();
    format!("{base}?{}", pairs.join("&"))
}

/// The URL with only the parameters that say when it expires (`Expires`, `X-Amz-Date`,
/// `X-Amz-Expires`): the signature and key go, the expiry can still be shown.
pub fn only_expiry(url: &str) -> String {
    let kept: Vec<String> = query_pairs(url)
        .filter(|(name, _)| {
            matches!(
                name.to_ascii_lowercase().as_str(),
                "expires" | "x-amz-date" | "x-amz-expires"
            )
        })
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    match kept.is_empty() {
        true => without_query(url).to_string(),
        false => format!("{}?{}", without_query(url), kept.join("&")),
    }
}

/// When a pre-signed link stops working: `Expires=<unix seconds>` (S3 signature v2), or
/// `X-Amz-Date` plus `X-Amz-Expires` (signature v4).
pub fn link_expiry(url: &str) -> Option<jiff::Timestamp> {
    let mut amz_date = None;
    let mut amz_expires = None;
    for (name, value) in query_pairs(url) {
        match name.to_ascii_lowercase().as_str() {
            "expires" => {
                let secs: i64 = value.parse().ok()?;
                return jiff::Timestamp::from_second(secs).ok();
            }
            "x-amz-date" => amz_date = Some(value),
            "x-amz-expires" => amz_expires = value.parse::<i64>().ok(),
            _ => {}
        }
    }
    let signed = jiff::fmt::strtime::parse("%Y%m%dT%H%M%SZ", amz_date?)
        .ok()?
        .to_datetime()
        .ok()?
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .ok()?
        .timestamp();
    signed
        .checked_add(jiff::SignedDuration::from_secs(amz_expires?))
        .ok()
}

/// A query value percent-encoded: everything but unreserved characters (RFC 3986).
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Whether `url` has the same scheme, host and port as `base` (case-insensitive).
pub fn same_origin(url: &str, base: &str) -> bool {
    fn origin(url: &str) -> Option<(String, String)> {
        let (scheme, rest) = url.split_once("://")?;
        let authority = rest.split(['/', '?', '#']).next()?;
        let scheme = scheme.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "https" => ":443",
            "http" => ":80",
            _ => return None,
        };
        let mut authority = authority.to_ascii_lowercase();
        if authority.contains('@') {
            return None;
        }
        if !authority.rsplit(']').next()?.contains(':') {
            authority.push_str(default_port);
        }
        Some((scheme, authority))
    }
    matches!((origin(url), origin(base)), (Some(a), Some(b)) if a == b)
}

/// The last path segment's extension, lower-cased: `.../FRONT.PNG?x` -> `png`.
pub fn path_extension(url: &str) -> Option<String> {
    let path = without_query(url);
    let path = path.split_once("://").map_or(path, |(_, rest)| rest);
    let segment = path.rsplit('/').next()?;
    if !path.contains('/') {
        return None;
    }
    let (stem, ext) = segment.rsplit_once('.')?;
    let ok = !stem.is_empty()
        && (1..=5).contains(&ext.len())
        && ext.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then(|| ext.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    const V2: &str = "https://s3.eu-west-1.amazonaws.com/b/FRONT.png?AWSAccessKeyId=AK&Signature=s%2Fg&Expires=1700000000";

    #[test]
    fn signatures_are_redacted_and_other_parameters_kept() {
        assert_eq!(
            redact_signatures(V2),
            "https://s3.eu-west-1.amazonaws.com/b/FRONT.png?AWSAccessKeyId=REDACTED&Signature=REDACTED&Expires=1700000000"
        );
        assert_eq!(redact_signatures("https://a/b"), "https://a/b");
        assert_eq!(
            redact_signatures("https://a/b?X-Amz-Signature=abc&x=1"),
            "https://a/b?X-Amz-Signature=REDACTED&x=1"
        );
    }

    #[test]
    fn only_the_expiry_survives() {
        assert_eq!(
            only_expiry(V2),
            "https://s3.eu-west-1.amazonaws.com/b/FRONT.png?Expires=1700000000"
        );
        assert_eq!(only_expiry("https://h/a?Signature=x"), "https://h/a");
    }

    #[test]
    fn query_is_stripped() {
        assert_eq!(
            without_query(V2),
            "https://s3.eu-west-1.amazonaws.com/b/FRONT.png"
        );
    }

    #[test]
    fn expiry_from_v2_and_v4_links() {
        assert_eq!(link_expiry(V2).unwrap().as_second(), 1_700_000_000);
        let v4 = "https://h/k.jpg?X-Amz-Date=20231114T221320Z&X-Amz-Expires=3600&X-Amz-Signature=x";
        assert_eq!(link_expiry(v4).unwrap().to_string(), "2023-11-14T23:13:20Z");
        assert_eq!(link_expiry("https://h/k.jpg"), None);
        assert_eq!(link_expiry("https://h/k.jpg?Expires=soon"), None);
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode_query_value("abc-1_2.~"), "abc-1_2.~");
        assert_eq!(encode_query_value("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
    }

    #[test]
    fn same_origin_compares_scheme_host_and_port() {
        assert!(same_origin(
            "https://ivs.idenfy.com/kyc/x?page=2",
            "https://ivs.idenfy.com"
        ));
        assert!(same_origin(
            "https://IVS.idenfy.com:443/x",
            "https://ivs.idenfy.com"
        ));
        assert!(same_origin(
            "http://127.0.0.1:8080/x",
            "http://127.0.0.1:8080"
        ));
        assert!(!same_origin(
            "http://127.0.0.1:8081/x",
            "http://127.0.0.1:8080"
        ));
        assert!(!same_origin(
            "http://ivs.idenfy.com/x",
            "https://ivs.idenfy.com"
        ));
        assert!(!same_origin("https://evil.com/x", "https://ivs.idenfy.com"));
        assert!(!same_origin(
            "https://ivs.idenfy.com@evil.com/x",
            "https://ivs.idenfy.com"
        ));
    }

    #[test]
    fn extension_from_the_path_only() {
        assert_eq!(path_extension(V2).as_deref(), Some("png"));
        assert_eq!(
            path_extension("https://h/v/FACE.MP4").as_deref(),
            Some("mp4")
        );
        assert_eq!(path_extension("https://h/v/FACE"), None);
        assert_eq!(path_extension("https://h.com"), None);
        assert_eq!(path_extension("https://h/a/.hidden"), None);
    }
}
