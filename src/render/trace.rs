//! The `-v` trace of one HTTP exchange, curl-style. Secrets are redacted before this point.

use crate::trace::Exchange;

pub fn render(exchange: &Exchange) -> String {
    let mut out = format!("> {} {}\n", exchange.method, exchange.url);
    if let Some(proxy) = &exchange.proxy {
        out.push_str(&format!("* via proxy {proxy}\n"));
    }
    for (name, value) in &exchange.request_headers {
        out.push_str(&format!("> {name}: {}\n", super::clean(value)));
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
                out.push_str(&format!("< {name}: {}\n", super::clean(value)));
            }
        }
        Err(why) => out.push_str(&format!(
            "* failed after {millis} ms: {}\n",
            super::clean(why)
        )),
    }
    out
}
