//! The codes iDenfy's API returns and how each reads at a glance. Pure data.

/// How a code reads at a glance; renderers turn this into colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// The check passed or the verification was approved.
    Good,
    /// The check failed or the verification was denied.
    Bad,
    /// Neither: pending, suspected, not analysed, or a code this program does not know.
    Attention,
}

pub const FACE_RESULTS: [&str; 14] = [
    "FACE_MATCH",
    "FACE_MISMATCH",
    "NO_FACE_FOUND",
    "TOO_MANY_FACES",
    "FACE_TOO_BLURRY",
    "FACE_GLARED",
    "FACE_UNCERTAIN",
    "FAKE_FACE",
    "FACE_ERROR",
    "FACE_NOT_ANALYSED",
    "FACE_NOT_CHECKED",
    "AUTO_UNVERIFIABLE",
    "FACE_SUSPECTED",
    "FACE_BLACKLISTED",
];

pub const DOCUMENT_RESULTS: [&str; 40] = [
    "DOC_VALIDATED",
    "DOC_INFO_MISMATCH",
    "DOC_NOT_FOUND",
    "DOC_NOT_FULLY_VISIBLE",
    "DOC_NOT_SUPPORTED",
    "DOC_FACE_NOT_FOUND",
    "DOC_TOO_BLURRY",
    "DOC_GLARED",
    "DOC_FACE_GLARED",
    "MRZ_NOT_FOUND",
    "MRZ_OCR_READING_ERROR",
    "MRZ_INVALID",
    "BARCODE_NOT_FOUND",
    "DOC_EXPIRED",
    "COUNTRY_MISMATCH",
    "COUNTRY_NOT_SUPPORTED",
    "DOC_TYPE_MISMATCH",
    "DOC_SUBTYPE_MISMATCH",
    "DOC_SIDE_MISMATCH",
    "DOC_DAMAGED",
    "DOC_FAKE",
    "DOC_SPOOF_DETECTED",
    "DOC_ERROR",
    "AUTO_UNVERIFIABLE",
    "DOC_NOT_ANALYSED",
    "DOC_NOT_ALLOWED",
    "DOC_PERSONAL_CODE_INVALID",
    "DOC_NAME_ERROR",
    "DOC_SURNAME_ERROR",
    "DOC_EXPIRY_ERROR",
    "DOC_DOB_ERROR",
    "DOC_PERSONAL_NUMBER_ERROR",
    "DOC_NUMBER_ERROR",
    "DOC_DATE_OF_ISSUE_ERROR",
    "DOC_SEX_ERROR",
    "DOC_NATIONALITY_ERROR",
    "EID_FAILED",
    "NFC_INIT_FAILED",
    "NFC_FAILED",
    "NFC_TIMEOUT",
];

/// Results that mean "not judged" rather than "failed".
const NOT_JUDGED: [&str; 5] = [
    "FACE_NOT_ANALYSED",
    "FACE_NOT_CHECKED",
    "DOC_NOT_ANALYSED",
    "AUTO_UNVERIFIABLE",
    "FACE_UNCERTAIN",
];

/// How an overall status reads.
pub fn overall_reading(status: &str) -> Reading {
    match status {
        "APPROVED" => Reading::Good,
        "DENIED" => Reading::Bad,
        _ => Reading::Attention,
    }
}

/// How a face or document result reads; unknown codes call for attention.
pub fn check_reading(result: &str) -> Reading {
    let known = FACE_RESULTS.contains(&result) || DOCUMENT_RESULTS.contains(&result);
    match result {
        "FACE_MATCH" | "DOC_VALIDATED" => Reading::Good,
        _ if NOT_JUDGED.contains(&result) || !known => Reading::Attention,
        _ => Reading::Bad,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passing_failing_and_unknown_results_read_differently() {
        assert_eq!(check_reading("FACE_MATCH"), Reading::Good);
        assert_eq!(check_reading("DOC_VALIDATED"), Reading::Good);
        assert_eq!(check_reading("DOC_GLARED"), Reading::Bad);
        assert_eq!(check_reading("FACE_NOT_ANALYSED"), Reading::Attention);
        assert_eq!(check_reading("SOMETHING_NEW"), Reading::Attention);
        assert_eq!(overall_reading("DENIED"), Reading::Bad);
        assert_eq!(overall_reading("REVIEWING"), Reading::Attention);
    }
}
