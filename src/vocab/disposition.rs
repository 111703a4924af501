//! What a support person may do about a case, from the most severe to the least. Every code of
//! the vocabulary carries one, and a case's verdict takes its most severe finding's.

use serde::Deserialize;

/// What may be told to the client, most severe first: the derived order is the severity, so
/// the smallest of several is the one that stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Disposition {
    /// The payload is not known to come from iDenfy (its signature is invalid, missing or
    /// was never checked): nothing may be told until the API confirms it.
    DoNotAct,
    /// A fraud or screening signal: compliance decides; the client is told nothing about
    /// what was found and gets no new attempt until then.
    ComplianceHold,
    /// A screening did not complete: the client is unscreened, not cleared.
    NotScreened,
    /// The result is not final, or a review is still to come.
    Pending,
    /// A problem the client can fix with a new verification (an expired document, a blurry
    /// photo).
    ClientAction,
    /// The checks passed, and what is left (mismatches with your records) is for your
    /// business to settle.
    BusinessDecides,
    /// Passed, final, and nothing else was found.
    Passed,
    /// A value that says nothing about the outcome (a document type, a neutral data value).
    Neutral,
}

impl Disposition {
    /// The name scripts read: `compliance-hold`.
    pub fn slug(self) -> &'static str {
        match self {
            Disposition::DoNotAct => "do-not-act",
            Disposition::ComplianceHold => "compliance-hold",
            Disposition::NotScreened => "not-screened",
            Disposition::Pending => "pending",
            Disposition::ClientAction => "client-action",
            Disposition::BusinessDecides => "business-decides",
            Disposition::Passed => "passed",
            Disposition::Neutral => "neutral",
        }
    }

    /// The name people read: `Compliance hold`.
    pub fn title(self) -> &'static str {
        match self {
            Disposition::DoNotAct => "Do not act",
            Disposition::ComplianceHold => "Compliance hold",
            Disposition::NotScreened => "Not screened",
            Disposition::Pending => "Pending",
            Disposition::ClientAction => "Client action",
            Disposition::BusinessDecides => "Your business decides",
            Disposition::Passed => "Passed",
            Disposition::Neutral => "No effect",
        }
    }

    /// What the support person may tell the client while this disposition stands.
    pub fn instruction(self) -> &'static str {
        match self {
            Disposition::DoNotAct => {
                "tell the client nothing and offer no new attempt until the API confirms the result."
            }
            Disposition::ComplianceHold => {
                "internal: do not tell the client what was found, and offer no new attempt until compliance decides."
            }
            Disposition::NotScreened => {
                "tell the client there is no result yet, and offer no new verification: the person is unscreened, not cleared."
            }
            Disposition::Pending => {
                "tell the client a decision is pending, and offer no new verification."
            }
            Disposition::ClientAction => {
                "the client can fix this in a new verification: tell them what to fix."
            }
            Disposition::BusinessDecides => {
                "your business decides: tell the client the outcome only after your own comparison."
            }
            Disposition::Passed => "you can tell the client the verification passed.",
            Disposition::Neutral => "nothing to tell the client.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Disposition {
        /// Every disposition that can stand for a case, most severe first.
        pub const RANKED: [Disposition; 7] = [
            Disposition::DoNotAct,
            Disposition::ComplianceHold,
            Disposition::NotScreened,
            Disposition::Pending,
            Disposition::ClientAction,
            Disposition::BusinessDecides,
            Disposition::Passed,
        ];
    }

    #[test]
    fn the_order_is_the_severity() {
        let mut shuffled = Disposition::RANKED;
        shuffled.reverse();
        shuffled.sort();
        assert_eq!(shuffled, Disposition::RANKED);
        assert!(Disposition::Passed < Disposition::Neutral);
        let slugs: Vec<&str> = Disposition::RANKED.iter().map(|d| d.slug()).collect();
        assert_eq!(
            slugs,
            [
                "do-not-act",
                "compliance-hold",
                "not-screened",
                "pending",
                "client-action",
                "business-decides",
                "passed"
            ]
        );
    }

    #[test]
    fn no_severe_disposition_allows_a_new_attempt_or_a_pass() {
        for disposition in Disposition::RANKED {
            let instruction = disposition.instruction();
            if disposition < Disposition::ClientAction {
                assert!(instruction.contains("no new"), "{disposition:?}");
                assert!(!instruction.contains("passed"), "{disposition:?}");
            }
        }
        assert!(
            Disposition::ComplianceHold
                .instruction()
                .starts_with("internal:")
        );
    }
}
