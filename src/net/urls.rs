//! Small pure helpers for URLs: query parameters, signature redaction, link expiry.

use ureq::http::Uri;

/// Query parameter names that carry a signature or a credential.
const SIGNING_PARAMS: [&str; 16] = [
    "signature",
    "sig",
    "x-amz-signature",
    "x-amz-credential",
    "x-amz-security-token",
    "x-goog-signature",
    "x-goog-credential",
    "access_key",
    "key",
    "awsaccesskeyid",
    "token",
    "access_token",
    "password",
    "pass",
    "secret",
    "api_key",
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

/// A URL as it may be shown: any `user:password@` (with or without a scheme, with any
/// number of slashes after it) becomes `***@`, and the values of credential and signature
/// parameters become `REDACTED`.
pub fn redact_credentials(url: &str) -> String {
    let scheme_end = url
        .find(':')
        .filter(|&colon| {
            let scheme = &url[..colon];
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && url[colon + 1..].starts_with('/')
        })
        .map_or(0, |colon| colon + 1);
    let slashes = url[scheme_end..].len() - url[scheme_end..].trim_start_matches('/').len();
    let authority_start = scheme_end + slashes;
    let authority_end = url[authority_start..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |end| authority_start + end);
    let shown = match url[authority_start..authority_end].rfind('@') {
        Some(at) => format!(
            "{}***@{}",
            &url[..authority_start],
            &url[authority_start + at + 1..]
        ),
        None => url.to_string(),
    };
    redact_signatures(&shown)
}

/// A link as it may be shown or saved in a manifest: no query at all (whatever a host names
/// its signature), no `user:password@`; a fragment is kept as it was.
pub fn shown_link(url: &str) -> String {
    let fragment = url.find('#').map_or("", |at| &url[at..]);
    let base = &url[..url.find(['?', '#']).unwrap_or(url.len())];
    redact_credentials(&format!("{base}{fragment}"))
}

/// The URL without its query string and fragment.
pub fn without_query(url: &str) -> &str {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    &url[..end]
}

/// The URL with the values of signature and credential parameters replaced by `REDACTED`;
/// a fragment is kept as it was.
pub fn redact_signatures(url: &str) -> String {
    let (url, fragment) = match url.find('#') {
        Some(at) => (&url[..at], &url[at..]),
        None => (url, ""),
    };
    let Some((base, _)) = url.split_once('?') else {
        return format!("{url}{fragment}");
    };
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
    format!("{base}?{}{fragment}", pairs.join("&"))
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
    if kept.is_empty() {
        without_query(url).to_string()
    } else {
        format!("{}?{}", without_query(url), kept.join("&"))
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

/// `url` read as the connection reads it (`http::Uri`, which ureq connects with), when it
/// is absolute: a scheme and a host. Every safety check reads URLs through this, so that a
/// check and the connection never disagree on where a URL goes.
fn parsed(url: &str) -> Option<Uri> {
    let uri: Uri = url.trim().parse().ok()?;
    (uri.scheme().is_some() && uri.host().is_some_and(|h| !h.is_empty())).then_some(uri)
}

/// The scheme of an absolute URL, lower-cased.
pub fn scheme(url: &str) -> Option<String> {
    Some(parsed(url)?.scheme_str()?.to_ascii_lowercase())
}

/// The host of an absolute URL as the connection reads it, IPv6 brackets kept.
pub fn host(url: &str) -> Option<String> {
    Some(parsed(url)?.host()?.to_string())
}

/// The port an absolute http(s) URL connects to: the one it names, else its scheme's.
pub fn port(url: &str) -> Option<u16> {
    let uri = parsed(url)?;
    match (
        uri.port_u16(),
        uri.scheme_str()?.to_ascii_lowercase().as_str(),
    ) {
        (Some(port), _) => Some(port),
        (None, "https") => Some(443),
        (None, "http") => Some(80),
        _ => None,
    }
}

/// Whether `url` has the same scheme, host and port as `base` (case-insensitive); a URL
/// with a user name is never the same origin.
pub fn same_origin(url: &str, base: &str) -> bool {
    fn origin(url: &str) -> Option<(String, String, u16)> {
        let uri = parsed(url)?;
        if uri.authority()?.as_str().contains('@') {
            return None;
        }
        let scheme = uri.scheme_str()?.to_ascii_lowercase();
        let port = match (uri.port_u16(), scheme.as_str()) {
            (Some(port), _) => port,
            (None, "https") => 443,
            (None, "http") => 80,
            _ => return None,
        };
        Some((scheme, uri.host()?.to_ascii_lowercase(), port))
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

/// Whether a host is `localhost` or a loopback address (127.0.0.0/8, ::1).
pub fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// Whether a host is this machine or a private network: loopback, `localhost`, the private
/// IPv4 ranges, link-local and unique-local addresses, the unspecified address. A host name
/// is judged by its name only (it is not resolved here).
pub fn is_inward(host: &str) -> bool {
    if is_loopback(host) {
        return true;
    }
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V4(ip)) => {
            ip.is_private() || ip.is_link_local() || ip.is_unspecified() || ip.is_loopback()
        }
        Ok(std::net::IpAddr::V6(ip)) => {
            let first = ip.segments()[0];
            ip.is_unspecified()
                || ip.is_loopback()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || ip
                    .to_ipv4_mapped()
                    .is_some_and(|v4| v4.is_private() || v4.is_loopback())
        }
        Err(_) => false,
    }
}

/// Whether a file link may be fetched: https, or plain http to a loopback address only.
pub fn is_safe_file_link(url: &str) -> bool {
    let Some(uri) = parsed(url) else {
        return false;
    };
    match uri.scheme_str().map(str::to_ascii_lowercase).as_deref() {
        Some("https") => true,
        Some("http") => uri.host().is_some_and(is_loopback),
        _ => false,
    }
}

/// A redirect's `Location` resolved against the URL that answered with it: absolute,
/// scheme-relative (`//host/x`), absolute-path (`/x`) or relative (`x`).
pub fn resolve(base: &str, location: &str) -> String {
    let location = location.trim();
    if location.split_once("://").is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    }) {
        return location.to_string();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("https", base));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if let Some(other) = location.strip_prefix("//") {
        return format!("{scheme}://{other}");
    }
    if location.starts_with('/') {
        return format!("{scheme}://{authority}{location}");
    }
    let path = without_query(rest).split('#').next().unwrap_or("");
    let dir = match path.rfind('/') {
        Some(end) if end >= authority.len() => &path[..=end],
        _ => "/",
    };
    let dir = dir.strip_prefix(authority).unwrap_or(dir);
    format!("{scheme}://{authority}{dir}{location}")
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

    #[test]
    fn file_links_are_https_or_loopback_http() {
        assert!(is_safe_file_link("https://s3.example.test/a.png"));
        assert!(is_safe_file_link("HTTPS://h.test/a"));
        assert!(is_safe_file_link("http://127.0.0.1:8080/a.png"));
        assert!(is_safe_file_link("http://[::1]/a"));
        assert!(is_safe_file_link("http://localhost/a"));
        assert!(is_safe_file_link("http://u:p@127.0.0.1:9/a"));
        assert!(!is_safe_file_link("http://127.0.0.1@files.example.test/a"));
        assert!(!is_safe_file_link("http://files.example.test/a.png"));
        assert!(!is_safe_file_link("http://127.0.0.1.example.test/a"));
        assert!(!is_safe_file_link("ftp://h.test/a"));
        assert!(!is_safe_file_link("file:///etc/passwd"));
    }

    #[test]
    fn redirects_resolve_against_the_link() {
        let base = "https://h.test/users/1/FRONT.png?Signature=x";
        assert_eq!(resolve(base, "https://o.test/a"), "https://o.test/a");
        assert_eq!(resolve(base, "http://o.test/a"), "http://o.test/a");
        assert_eq!(resolve(base, "//o.test/a"), "https://o.test/a");
        assert_eq!(resolve(base, "/b/c.png"), "https://h.test/b/c.png");
        assert_eq!(resolve(base, "BACK.png"), "https://h.test/users/1/BACK.png");
        assert_eq!(resolve("https://h.test", "x"), "https://h.test/x");
    }

    #[test]
    fn credentials_in_urls_are_redacted_in_every_form() {
        let cases = [
            (
                "https://user:pw@proxy.test:3128/x",
                "https://***@proxy.test:3128/x",
            ),
            ("http://u:p@h.test", "http://***@h.test"),
            ("user:pw@proxy.test:3128", "***@proxy.test:3128"),
            ("https:/user:pw@h.test/a", "https:/***@h.test/a"),
            ("https:///user:pw@h.test", "https:///***@h.test"),
            ("socks5://a@b:c@h.test", "socks5://***@h.test"),
            (
                "https://h.test/a?token=abc&x=1",
                "https://h.test/a?token=REDACTED&x=1",
            ),
            (
                "https://h.test/a?password=abc",
                "https://h.test/a?password=REDACTED",
            ),
            ("https://h.test/a@b", "https://h.test/a@b"),
            ("https://ivs.idenfy.com", "https://ivs.idenfy.com"),
        ];
        for (url, shown) in cases {
            assert_eq!(redact_credentials(url), shown, "{url}");
        }
    }

    #[test]
    fn safety_checks_read_a_url_as_the_connection_does() {
        // The host after a user name is where ureq connects: a loopback look-alike is not.
        assert!(!is_safe_file_link("http://127.0.0.1:80@evil.invalid/x"));
        assert_eq!(
            host("http://127.0.0.1:80@evil.invalid/x").as_deref(),
            Some("evil.invalid")
        );
        // What http::Uri cannot read is never fetched.
        assert!(!is_safe_file_link("http://evil.invalid\\@127.0.0.1/x"));
        assert!(!is_safe_file_link("http:///x"));
        assert!(is_safe_file_link("http://[::1]:8080/x"));
        assert!(is_safe_file_link(
            "HTTPS://files.invalid/FRONT.png?Signature=s"
        ));
        assert!(!same_origin(
            "https://user@ivs.idenfy.com/x",
            "https://ivs.idenfy.com"
        ));
        assert!(same_origin(
            "HTTPS://IVS.idenfy.com:443/x",
            "https://ivs.idenfy.com"
        ));
    }

    #[test]
    fn a_shown_file_link_has_no_query_whatever_the_host_calls_its_signature() {
        for link in [
            "https://files.invalid/F.png?sig=abc&se=2030",
            "https://storage.invalid/F.png?X-Goog-Signature=abc&X-Goog-Credential=k",
            "https://cdn.invalid/F.png?access_key=abc",
        ] {
            assert_eq!(shown_link(link), link[..link.find('?').unwrap()]);
        }
        assert_eq!(
            shown_link("https://files.invalid/F.png?sig=abc#page=2"),
            "https://files.invalid/F.png#page=2"
        );
        assert_eq!(
            redact_signatures("https://x.invalid/a?sig=1&X-Goog-Signature=2&access_key=3&page=4"),
            "https://x.invalid/a?sig=REDACTED&X-Goog-Signature=REDACTED&access_key=REDACTED&page=4"
        );
    }

    #[test]
    fn inward_hosts_are_this_machine_and_private_networks() {
        for inward in [
            "127.0.0.1",
            "localhost",
            "[::1]",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "[fd00::1]",
            "[fe80::1]",
            "[::ffff:10.0.0.1]",
        ] {
            assert!(is_inward(inward), "{inward}");
        }
        for outside in ["files.invalid", "8.8.8.8", "[2001:db8::1]", "172.32.0.1"] {
            assert!(!is_inward(outside), "{outside}");
        }
    }
}
