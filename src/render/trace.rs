//! The `-v` trace of one HTTP exchange, curl-style. Secrets are redacted before this point;
//! every line is shown cleaned, whatever part of it came from outside.

use crate::net::trace::Exchange;
use crate::text::shown;

pub fn render(exchange: &Exchange) -> String {
    raw(exchange)
        .lines()
        .map(|line| shown(line) + "\n")
        .collect()
}

fn raw(exchange: &Exchange) -> String {
    let mut out = format!("> {} {}\n", exchange.method, exchange.url);
    if let Some(proxy) = &exchange.proxy {
        out.push_str(&format!("* via proxy {proxy}\n"));
    }
    for (name, value) in &exchange.request_headers {
        out.push_str(&format!("> {name}: {}\n", value));
    }
    let millis = exchange.elapsed.as_millis();
    match &exchange.response {
        Ok(head) => {
            let size = exchange
                .body_bytes
                .map(|n| format!(", {n} bytes"))
                .unwrap_or_default();
            out.push_str(&format!(
                "< {} {} ({millis} ms{size})\n",
                head.status, head.reason
            ));
            for (name, value) in &head.headers {
                out.push_str(&format!("< {name}: {}\n", value));
            }
        }
        Err(why) => out.push_str(&format!("* failed after {millis} ms: {}\n", why)),
    }
    out
}
