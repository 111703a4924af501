//! What a timeout may be, shared by the command line, the environment and the config file.

/// What every timeout error says is allowed.
pub const ALLOWED: &str = "a number of seconds above 0, at most 86400 (a day), such as 30 or 2.5";

/// A timeout is a number of seconds above 0 and at most a day.
pub fn valid(secs: f64) -> bool {
    secs.is_finite() && secs > 0.0 && secs <= 86_400.0
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_timeout_is_above_zero_and_at_most_a_day() {
        assert!(super::valid(0.5) && super::valid(86_400.0));
        for bad in [0.0, -1.0, 86_400.5, f64::NAN, f64::INFINITY] {
            assert!(!super::valid(bad), "{bad}");
        }
    }
}
