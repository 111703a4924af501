//! Which https URLs go through a proxy: HTTPS_PROXY / ALL_PROXY, and curl's NO_PROXY rules.

use crate::net::urls;

/// Which https URLs go through a proxy.
#[derive(Debug, Clone, Default)]
pub struct ProxyRules {
    pub(super) proxy: Option<String>,
    pub(super) no_proxy: Option<String>,
}

impl ProxyRules {
    /// The proxy URL, whichever hosts it applies to.
    pub fn proxy_url(&self) -> Option<&str> {
        self.proxy.as_deref()
    }

    /// The proxy for `url`: only https URLs use one, and not when NO_PROXY names the host.
    pub fn proxy_for(&self, url: &str) -> Option<&str> {
        if urls::scheme(url).as_deref() != Some("https") {
            return None;
        }
        let host = urls::host(url).unwrap_or_default();
        let proxy = self.proxy.as_deref()?;
        match &self.no_proxy {
            Some(list) if no_proxy_matches(list, &host) => None,
            _ => Some(proxy),
        }
    }
}

/// curl's NO_PROXY rules: `*`, exact hosts, and domain suffixes (`example.com`, `.example.com`).
fn no_proxy_matches(list: &str, host: &str) -> bool {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    list.split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .any(|entry| {
            if entry == "*" {
                return true;
            }
            let entry = entry.trim_start_matches("*.").trim_start_matches('.');
            let entry = entry.trim_start_matches('[');
            let entry = match entry.split_once(']') {
                Some((ip6, _)) => ip6,
                None => entry.split(':').next().unwrap_or(entry),
            };
            let entry = entry.to_ascii_lowercase();
            host == entry || host.ends_with(&format!(".{entry}"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_proxy_follows_curl_rules() {
        assert!(no_proxy_matches("*", "ivs.idenfy.com"));
        assert!(no_proxy_matches("idenfy.com", "ivs.idenfy.com"));
        assert!(no_proxy_matches(" .idenfy.com ", "ivs.idenfy.com"));
        assert!(no_proxy_matches("ivs.idenfy.com:443", "ivs.idenfy.com"));
        assert!(!no_proxy_matches("other.com,fy.com", "ivs.idenfy.com"));
    }
}
