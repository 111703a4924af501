//! The codes iDenfy's API returns, what each means in plain words and how it reads at a glance.
//! Pure data and small pure functions; the lists are open, so callers show unknown codes as they came.

/// How a code reads at a glance; renderers turn this into colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// The check passed, the verification was approved, or a neutral piece of data.
    Good,
    /// The check failed, the verification was denied, or a clear warning sign.
    Bad,
    /// Neither: pending, suspected, not analysed, or a code this program does not know.
    Attention,
}

/// Where a code appears in iDenfy's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// `status`: the overall status of a verification.
    OverallStatus,
    /// `autoFace`, `manualFace`.
    FaceResult,
    /// `autoDocument`, `manualDocument`.
    DocumentResult,
    /// `fraudTags`.
    FraudTag,
    /// `mismatchTags`.
    MismatchTag,
    /// `docType` in the data.
    DocumentType,
    /// `docSex` in the data.
    Sex,
    /// `ageEstimate` in the data.
    AgeEstimate,
    /// `clientIpProxyRiskLevel` in the data.
    ProxyRiskLevel,
    /// The values of a webhook's `additionalSteps`.
    AdditionalStepResult,
    /// The `Idenfy-Event-Type` header of a webhook.
    WebhookEvent,
}

impl Category {
    pub const ALL: [Category; 11] = [
        Category::OverallStatus,
        Category::FaceResult,
        Category::DocumentResult,
        Category::FraudTag,
        Category::MismatchTag,
        Category::DocumentType,
        Category::Sex,
        Category::AgeEstimate,
        Category::ProxyRiskLevel,
        Category::AdditionalStepResult,
        Category::WebhookEvent,
    ];

    /// The name people read, e.g. "Face result".
    pub fn title(self) -> &'static str {
        match self {
            Category::OverallStatus => "Overall status",
            Category::FaceResult => "Face result",
            Category::DocumentResult => "Document result",
            Category::FraudTag => "Fraud tag",
            Category::MismatchTag => "Mismatch tag",
            Category::DocumentType => "Document type",
            Category::Sex => "Sex",
            Category::AgeEstimate => "Age estimate",
            Category::ProxyRiskLevel => "IP proxy risk level",
            Category::AdditionalStepResult => "Additional step result",
            Category::WebhookEvent => "Webhook event type",
        }
    }

    /// The name scripts read, e.g. "face-result".
    pub fn slug(self) -> &'static str {
        match self {
            Category::OverallStatus => "overall-status",
            Category::FaceResult => "face-result",
            Category::DocumentResult => "document-result",
            Category::FraudTag => "fraud-tag",
            Category::MismatchTag => "mismatch-tag",
            Category::DocumentType => "document-type",
            Category::Sex => "sex",
            Category::AgeEstimate => "age-estimate",
            Category::ProxyRiskLevel => "ip-proxy-risk-level",
            Category::AdditionalStepResult => "additional-step-result",
            Category::WebhookEvent => "webhook-event-type",
        }
    }
}

/// One code in one category, explained for a support person talking to a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub code: &'static str,
    pub category: Category,
    /// One or two sentences in plain words for a support person talking to a client: what happened.
    pub meaning: &'static str,
    /// What the client can do next, when there is something; None when nothing applies.
    pub next_step: Option<&'static str>,
    pub reading: Reading,
}

/// Every known code of every category, in the order iDenfy lists them. A code that appears in
/// several categories (AUTO_UNVERIFIABLE, FACE_SUSPECTED, DOC_INFO_MISMATCH, ...) has one entry in each.
pub static ENTRIES: &[Entry] = &[
    // Overall status (`status`).
    Entry {
        code: "APPROVED",
        category: Category::OverallStatus,
        meaning: "The verification passed: the face check and the document check both came out fine.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "DENIED",
        category: Category::OverallStatus,
        meaning: "The verification did not pass. The reasons below (failing results and tags) say why.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "SUSPECTED",
        category: Category::OverallStatus,
        meaning: "iDenfy flagged this verification: the reasons below (tags, and any failing result) say why.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "REVIEWING",
        category: Category::OverallStatus,
        meaning: "A person at iDenfy is looking at this verification, so the result is not final yet.",
        next_step: Some(
            "Wait for the review to finish; nothing is needed from the client for now.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "ACTIVE",
        category: Category::OverallStatus,
        meaning: "The verification link can still be used: the client has not finished the verification yet.",
        next_step: Some("Finish the verification with the same link before it runs out."),
        reading: Reading::Attention,
    },
    Entry {
        code: "EXPIRED",
        category: Category::OverallStatus,
        meaning: "The verification link ran out before the client finished verifying.",
        next_step: Some(
            "Start a new verification for the client: the old link cannot be used again.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "EXPIRED-DELETED",
        category: Category::OverallStatus,
        meaning: "The verification link ran out before the client finished, and the verification's data has \
                  since been deleted.",
        next_step: Some(
            "Start a new verification for the client: the old link cannot be used again.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "DELETED",
        category: Category::OverallStatus,
        meaning: "The data of this verification has been deleted, so its data and files may come back empty.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "ARCHIVED",
        category: Category::OverallStatus,
        meaning: "The data of this verification has been archived.",
        next_step: None,
        reading: Reading::Attention,
    },
    // Face results (`autoFace`, `manualFace`).
    Entry {
        code: "FACE_MATCH",
        category: Category::FaceResult,
        meaning: "The face in the selfie matches the photo on the document.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "FACE_MISMATCH",
        category: Category::FaceResult,
        meaning: "The selfie could not be matched to the photo on the document. Besides a different person, \
                  this happens when the face is partly hidden or the picture is poor, blurred or has glare.",
        next_step: Some(
            "Retake the selfie in soft, even light, holding still, with the whole face visible and nothing covering it.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "NO_FACE_FOUND",
        category: Category::FaceResult,
        meaning: "No face could be found to check.",
        next_step: Some(
            "Retake the selfie looking straight at the camera, with the whole face in the frame.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "TOO_MANY_FACES",
        category: Category::FaceResult,
        meaning: "More than one face was in the picture, so the check could not tell whose face to use.",
        next_step: Some(
            "Retake the selfie with nobody else in the frame and no photos or posters of faces in the background.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "FACE_TOO_BLURRY",
        category: Category::FaceResult,
        meaning: "The selfie was too blurry to check the face.",
        next_step: Some(
            "Retake the selfie holding the camera still, in good light, with a clean lens.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "FACE_GLARED",
        category: Category::FaceResult,
        meaning: "Glare or strong light on the face made the selfie unusable.",
        next_step: Some(
            "Retake the selfie in soft, even light, away from lamps or sunlight shining at the face.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "FACE_UNCERTAIN",
        category: Category::FaceResult,
        meaning: "The system could not tell whether a live person was in front of the camera.",
        next_step: Some(
            "Retake the selfie in good light, looking at the camera with the whole face visible.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "FAKE_FACE",
        category: Category::FaceResult,
        meaning: "The face was not filmed live in front of the camera: it came through a virtual camera \
                  (software posing as a camera), was not taken in real time, or is fake.",
        next_step: Some(
            "Take the selfie live with the device's own camera, with no camera apps or filters in between.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "FACE_ERROR",
        category: Category::FaceResult,
        meaning: "Something went wrong while checking the face. iDenfy does not explain this code beyond its name.",
        next_step: Some("Try the verification again."),
        reading: Reading::Bad,
    },
    Entry {
        code: "FACE_NOT_ANALYSED",
        category: Category::FaceResult,
        meaning: "The face was not checked because the verification had already failed for another reason; \
                  the document result or the tags show which.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "FACE_NOT_CHECKED",
        category: Category::FaceResult,
        meaning: "The face was not checked. iDenfy does not say why; the code's name is all it gives.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "AUTO_UNVERIFIABLE",
        category: Category::FaceResult,
        meaning: "The automatic face check could not reach a result on its own. iDenfy does not explain this \
                  code beyond its name.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "FACE_SUSPECTED",
        category: Category::FaceResult,
        meaning: "The face check found the face suspicious. iDenfy does not explain this code beyond its name; \
                  the fraud tags may say more.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "FACE_BLACKLISTED",
        category: Category::FaceResult,
        meaning: "The face matched one on a block list. iDenfy does not explain this code beyond its name.",
        next_step: None,
        reading: Reading::Bad,
    },
    // Document results (`autoDocument`, `manualDocument`).
    Entry {
        code: "DOC_VALIDATED",
        category: Category::DocumentResult,
        meaning: "The document passed the checks.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "DOC_INFO_MISMATCH",
        category: Category::DocumentResult,
        meaning: "Details on the document did not agree with what they were checked against. iDenfy does not \
                  explain this code beyond its name; mismatch tags, if any, show which details differ.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_NOT_FOUND",
        category: Category::DocumentResult,
        meaning: "No document could be found in the pictures.",
        next_step: Some(
            "Retake the photos with the whole document in the frame, lying on a plain surface.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_NOT_FULLY_VISIBLE",
        category: Category::DocumentResult,
        meaning: "Part of the document was cut off or covered in the pictures.",
        next_step: Some(
            "Retake the photos with all four corners of the document in the frame and no fingers covering it.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_NOT_SUPPORTED",
        category: Category::DocumentResult,
        meaning: "This kind of document is not supported.",
        next_step: Some("Use a different identity document."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_FACE_NOT_FOUND",
        category: Category::DocumentResult,
        meaning: "The photo of the holder on the document could not be found.",
        next_step: Some(
            "Retake the photo of the side with the holder's photo, sharp and fully visible.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_TOO_BLURRY",
        category: Category::DocumentResult,
        meaning: "The document photos were too blurry to read.",
        next_step: Some(
            "Retake the photos holding the camera still and letting it focus, in good light.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_GLARED",
        category: Category::DocumentResult,
        meaning: "Glare or reflections on the document made it hard to read.",
        next_step: Some(
            "Retake the photos without flash, tilting the document slightly away from lights.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_FACE_GLARED",
        category: Category::DocumentResult,
        meaning: "Glare or a reflection covered the holder's photo on the document.",
        next_step: Some(
            "Retake the photos without flash, tilting the document slightly away from lights.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "MRZ_NOT_FOUND",
        category: Category::DocumentResult,
        meaning: "The machine-readable lines (the rows of letters, digits and < signs on the photo page of \
                  a passport, or on the back of many ID cards) could not be found.",
        next_step: Some(
            "Retake the photos with the side that has those lines fully visible, sharp and free of glare.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "MRZ_OCR_READING_ERROR",
        category: Category::DocumentResult,
        meaning: "The machine-readable lines (rows of letters, digits and < signs) were there but could not be read.",
        next_step: Some(
            "Retake the photo so those lines are sharp, fully visible and free of glare.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "MRZ_INVALID",
        category: Category::DocumentResult,
        meaning: "The machine-readable lines (rows of letters, digits and < signs) were read, but what they say is not valid.",
        next_step: Some(
            "Retake the photo so those lines are sharp; if that does not help, use another document.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "BARCODE_NOT_FOUND",
        category: Category::DocumentResult,
        meaning: "The barcode on the document could not be found.",
        next_step: Some("Retake the photo of the side with the barcode, sharp and fully visible."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_EXPIRED",
        category: Category::DocumentResult,
        meaning: "The document has expired.",
        next_step: Some("Use a document that is still valid."),
        reading: Reading::Bad,
    },
    Entry {
        code: "COUNTRY_MISMATCH",
        category: Category::DocumentResult,
        meaning: "The document seems to come from a different country than the one chosen. iDenfy does not \
                  explain this code beyond its name.",
        next_step: Some(
            "Choose the country that issued the document, or use a document from the chosen country.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "COUNTRY_NOT_SUPPORTED",
        category: Category::DocumentResult,
        meaning: "Documents from this country are not supported.",
        next_step: Some("Use an identity document from another country, if the client has one."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_TYPE_MISMATCH",
        category: Category::DocumentResult,
        meaning: "The document seems to be of a different kind than the one chosen, for example a driving \
                  licence instead of a passport. iDenfy does not explain this code beyond its name.",
        next_step: Some("Choose the document type that matches the document shown."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_SUBTYPE_MISMATCH",
        category: Category::DocumentResult,
        meaning: "The document seems to be a different version or variant than expected. iDenfy does not \
                  explain this code beyond its name.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_SIDE_MISMATCH",
        category: Category::DocumentResult,
        meaning: "A side of the document was not the one asked for, for example the front instead of the back.",
        next_step: Some("Retake the photos, showing the front and the back each when asked for."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_DAMAGED",
        category: Category::DocumentResult,
        meaning: "The document looks damaged.",
        next_step: Some("Use a document that is not damaged."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_FAKE",
        category: Category::DocumentResult,
        meaning: "The document looks fake.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_SPOOF_DETECTED",
        category: Category::DocumentResult,
        meaning: "What was shown seems not to be the real document itself, for example a copy, a printout \
                  or a picture on a screen.",
        next_step: Some("Show the original document to the camera, not a copy or a screen."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_ERROR",
        category: Category::DocumentResult,
        meaning: "Something went wrong while checking the document. iDenfy does not explain this code beyond its name.",
        next_step: Some("Try the verification again."),
        reading: Reading::Bad,
    },
    Entry {
        code: "AUTO_UNVERIFIABLE",
        category: Category::DocumentResult,
        meaning: "The automatic document check could not reach a result on its own. iDenfy does not explain \
                  this code beyond its name.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "DOC_NOT_ANALYSED",
        category: Category::DocumentResult,
        meaning: "The document was not checked. For the matching face code iDenfy says this happens when the \
                  verification already failed for another reason; the same likely applies here.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "DOC_NOT_ALLOWED",
        category: Category::DocumentResult,
        meaning: "This kind of document is not accepted for this verification.",
        next_step: Some("Use another kind of identity document."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_PERSONAL_CODE_INVALID",
        category: Category::DocumentResult,
        meaning: "The personal code (the national identity number) on the document is not valid.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_NAME_ERROR",
        category: Category::DocumentResult,
        meaning: "Something was wrong with the first name read from the document. iDenfy does not explain \
                  this code beyond its name.",
        next_step: Some("Retake the photos so all the text on the document is sharp and readable."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_SURNAME_ERROR",
        category: Category::DocumentResult,
        meaning: "Something was wrong with the surname read from the document. iDenfy does not explain \
                  this code beyond its name.",
        next_step: Some("Retake the photos so all the text on the document is sharp and readable."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_EXPIRY_ERROR",
        category: Category::DocumentResult,
        meaning: "Something was wrong with the expiry date read from the document. iDenfy does not explain \
                  this code beyond its name.",
        next_step: Some("Retake the photos so all the text on the document is sharp and readable."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_DOB_ERROR",
        category: Category::DocumentResult,
        meaning: "Something was wrong with the date of birth read from the document. iDenfy does not explain \
                  this code beyond its name.",
        next_step: Some("Retake the photos so all the text on the document is sharp and readable."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_PERSONAL_NUMBER_ERROR",
        category: Category::DocumentResult,
        meaning: "Something was wrong with the personal number read from the document. iDenfy does not \
                  explain this code beyond its name.",
        next_step: Some("Retake the photos so all the text on the document is sharp and readable."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_NUMBER_ERROR",
        category: Category::DocumentResult,
        meaning: "Something was wrong with the document number read from the document. iDenfy does not \
                  explain this code beyond its name.",
        next_step: Some("Retake the photos so all the text on the document is sharp and readable."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_DATE_OF_ISSUE_ERROR",
        category: Category::DocumentResult,
        meaning: "Something was wrong with the date of issue read from the document. iDenfy does not explain \
                  this code beyond its name.",
        next_step: Some("Retake the photos so all the text on the document is sharp and readable."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_SEX_ERROR",
        category: Category::DocumentResult,
        meaning: "Something was wrong with the sex read from the document. iDenfy does not explain this code \
                  beyond its name.",
        next_step: Some("Retake the photos so all the text on the document is sharp and readable."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_NATIONALITY_ERROR",
        category: Category::DocumentResult,
        meaning: "Something was wrong with the nationality read from the document. iDenfy does not explain \
                  this code beyond its name.",
        next_step: Some("Retake the photos so all the text on the document is sharp and readable."),
        reading: Reading::Bad,
    },
    Entry {
        code: "EID_FAILED",
        category: Category::DocumentResult,
        meaning: "The check of the electronic identity (eID) failed. iDenfy does not explain this code beyond its name.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "NFC_INIT_FAILED",
        category: Category::DocumentResult,
        meaning: "Reading the chip in the document by holding it to the phone (NFC, tap-to-read) could not be started.",
        next_step: Some(
            "Try again on a phone with NFC turned on, holding the document still against the phone.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "NFC_FAILED",
        category: Category::DocumentResult,
        meaning: "Reading the chip in the document by holding it to the phone (NFC, tap-to-read) failed.",
        next_step: Some(
            "Try again, holding the document still against the phone until the reading finishes.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "NFC_TIMEOUT",
        category: Category::DocumentResult,
        meaning: "Reading the chip in the document by holding it to the phone (NFC, tap-to-read) took too \
                  long and was stopped.",
        next_step: Some(
            "Try again, holding the document still against the phone until the reading finishes.",
        ),
        reading: Reading::Bad,
    },
    // Fraud tags (`fraudTags`): why a verification was flagged as suspected.
    Entry {
        code: "FACE_SUSPECTED",
        category: Category::FraudTag,
        meaning: "The face raised a suspicion of fraud. iDenfy does not explain this tag beyond its name.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "FACE_BLACKLISTED",
        category: Category::FraudTag,
        meaning: "The selfie face matched a face on a block list. iDenfy does not explain this tag beyond its name.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_FACE_BLACKLISTED",
        category: Category::FraudTag,
        meaning: "The holder's photo on the document matched a face on a block list. iDenfy does not explain \
                  this tag beyond its name.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "FACE_IN_BLACKLIST",
        category: Category::FraudTag,
        meaning: "The selfie face was found on a block list. iDenfy lists this tag next to FACE_BLACKLISTED \
                  without explaining the difference.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_FACE_IN_BLACKLIST",
        category: Category::FraudTag,
        meaning: "The holder's photo on the document was found on a block list. iDenfy lists this tag next to \
                  DOC_FACE_BLACKLISTED without explaining the difference.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "DATA_BLACKLISTED",
        category: Category::FraudTag,
        meaning: "Personal details in this verification matched an entry on a block list. iDenfy does not \
                  explain this tag beyond its name.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "DATA_IN_BLACKLIST",
        category: Category::FraudTag,
        meaning: "Personal details in this verification were found on a block list. iDenfy lists this tag \
                  next to DATA_BLACKLISTED without explaining the difference.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "DUPLICATE_FACE",
        category: Category::FraudTag,
        meaning: "The selfie face matches selfies in other clients' verifications. Their references are listed \
                  under duplicateFaces in the verification data.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "DUPLICATE_DOC_FACE",
        category: Category::FraudTag,
        meaning: "The holder's photo on the document matches document photos in other clients' verifications. \
                  Their references are listed under duplicateDocFaces in the verification data.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "DUPLICATE_PERSONAL_DATA",
        category: Category::FraudTag,
        meaning: "The personal details match those in another verification. iDenfy does not explain this tag \
                  beyond its name.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_MOBILE_PHOTO",
        category: Category::FraudTag,
        meaning: "Going by its name, the document was shown as a picture on a phone rather than held up itself. \
                  iDenfy does not explain this tag further.",
        next_step: Some("Show the original document to the camera."),
        reading: Reading::Bad,
    },
    Entry {
        code: "DEV_TOOLS_OPENED",
        category: Category::FraudTag,
        meaning: "The browser's developer tools (used to inspect or change web pages) were open during the verification.",
        next_step: Some(
            "Close the developer tools and verify again in an ordinary browser window.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "DOC_PRINT_SPOOFED",
        category: Category::FraudTag,
        meaning: "The document seems to be a printed copy rather than the original.",
        next_step: Some("Show the original document, not a printout."),
        reading: Reading::Bad,
    },
    Entry {
        code: "FAKE_PHOTO",
        category: Category::FraudTag,
        meaning: "A photo in the verification seems fake. iDenfy does not explain this tag beyond its name.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "VIRTUAL_CAMERA",
        category: Category::FraudTag,
        meaning: "A virtual camera was used: software that poses as a camera and can feed in any picture or video.",
        next_step: Some("Use the device's own camera, with no camera software in between."),
        reading: Reading::Bad,
    },
    Entry {
        code: "PORTRAIT_SUBSTITUTION",
        category: Category::FraudTag,
        meaning: "Going by its name, the holder's photo on the document seems to have been swapped for another. \
                  iDenfy does not explain this tag further.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "ADDRESS_UNVERIFIED",
        category: Category::FraudTag,
        meaning: "The client's address could not be confirmed. iDenfy does not explain this tag beyond its name.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "UTILITY_ADDRESS_CHECK_FAILURE",
        category: Category::FraudTag,
        meaning: "The check of the address on the utility bill (the proof of address) failed.",
        next_step: Some("Provide a clear, recent utility bill that shows the client's address."),
        reading: Reading::Bad,
    },
    Entry {
        code: "AML_SUSPECTION",
        category: Category::FraudTag,
        meaning: "The anti-money-laundering screening found a possible match.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "AML_FAILED",
        category: Category::FraudTag,
        meaning: "The client did not pass the anti-money-laundering screening.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "LID_SUSPECTION",
        category: Category::FraudTag,
        meaning: "The check against the register of lost and invalid documents found a possible match.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "LID_FAILED",
        category: Category::FraudTag,
        meaning: "The document did not pass the check against the register of lost and invalid documents.",
        next_step: Some("Use a different, valid document."),
        reading: Reading::Bad,
    },
    Entry {
        code: "SANCTIONS_SUSPECTION",
        category: Category::FraudTag,
        meaning: "Going by its name, the sanctions screening found a possible match. iDenfy does not explain this tag further.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "SANCTIONS_FAILED",
        category: Category::FraudTag,
        meaning: "Going by its name, the client did not pass the sanctions screening. iDenfy does not explain this tag further.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "CRIMINAL_SUSPECTED",
        category: Category::FraudTag,
        meaning: "The criminal check found a possible concern. iDenfy does not explain this tag beyond its name.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "CRIMINAL_CHECK_FAILED",
        category: Category::FraudTag,
        meaning: "The client did not pass the criminal check. iDenfy does not explain this tag beyond its name.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "RC_FAILED",
        category: Category::FraudTag,
        meaning: "A check failed whose name iDenfy does not spell out; RC probably stands for registry centre, \
                  as in the mismatch tag REGISTRY_CENTER_INFO_MISMATCH.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "DL_FAILED",
        category: Category::FraudTag,
        meaning: "A check failed whose name iDenfy does not spell out; DL probably stands for driving licence, \
                  as in the mismatch tag DRIVER_LICENSE_INFO_MISMATCH.",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "AUTO_UNVERIFIABLE",
        category: Category::FraudTag,
        meaning: "The automatic checks could not reach a result on their own. iDenfy does not explain this tag \
                  beyond its name.",
        next_step: None,
        reading: Reading::Attention,
    },
    // Mismatch tags (`mismatchTags`): details the business gave when it created the verification
    // differ from the document, or an additional step or age limit did not fit.
    Entry {
        code: "NAME",
        category: Category::MismatchTag,
        meaning: "The first name the business gave when it created the verification differs from the one on the document.",
        next_step: Some(
            "Check the first name in your records against the document; if yours is wrong, correct it and start a new verification.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "SURNAME",
        category: Category::MismatchTag,
        meaning: "The surname the business gave when it created the verification differs from the one on the document.",
        next_step: Some(
            "Check the surname in your records against the document; if yours is wrong, correct it and start a new verification.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "FULL_NAME",
        category: Category::MismatchTag,
        meaning: "The full name the business gave when it created the verification differs from the one on the document.",
        next_step: Some(
            "Check the full name in your records against the document; if yours is wrong, correct it and start a new verification.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "DOCUMENT_NUMBER",
        category: Category::MismatchTag,
        meaning: "The document number the business gave when it created the verification differs from the one \
                  on the document.",
        next_step: Some(
            "Check the number in your records against the document the client used; correct it and start a new verification if it differs.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "PERSONAL_CODE",
        category: Category::MismatchTag,
        meaning: "The personal code the business gave when it created the verification differs from the one on \
                  the document.",
        next_step: Some(
            "Check the personal code in your records against the document; if yours is wrong, correct it and start a new verification.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "EXPIRY_DATE",
        category: Category::MismatchTag,
        meaning: "The expiry date the business gave when it created the verification differs from the one on \
                  the document.",
        next_step: Some(
            "Check the expiry date in your records against the document the client used; correct it and start a new verification if it differs.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "DATE_OF_BIRTH",
        category: Category::MismatchTag,
        meaning: "The date of birth the business gave when it created the verification differs from the one on \
                  the document.",
        next_step: Some(
            "Check the date of birth in your records against the document; if yours is wrong, correct it and start a new verification.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "DATE_OF_ISSUE",
        category: Category::MismatchTag,
        meaning: "The date of issue the business gave when it created the verification differs from the one on \
                  the document.",
        next_step: Some(
            "Check the date of issue in your records against the document the client used; correct it and start a new verification if it differs.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "SEX",
        category: Category::MismatchTag,
        meaning: "The sex the business gave when it created the verification differs from the one on the document.",
        next_step: Some(
            "Check the sex in your records against the document; if yours is wrong, correct it and start a new verification.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "NATIONALITY",
        category: Category::MismatchTag,
        meaning: "The nationality the business gave when it created the verification differs from the one on \
                  the document.",
        next_step: Some(
            "Check the nationality in your records against the document; if yours is wrong, correct it and start a new verification.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "DOC_INFO_MISMATCH",
        category: Category::MismatchTag,
        meaning: "Details the business gave when it created the verification differ from the document. This \
                  general tag does not say which detail.",
        next_step: Some(
            "Check the details in your records against the document; correct them and start a new verification if they differ.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "UNDER_AGE",
        category: Category::MismatchTag,
        meaning: "The client is younger than the lowest age allowed for this verification.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "OVER_AGE",
        category: Category::MismatchTag,
        meaning: "The client is older than the highest age allowed for this verification.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "UNKNOWN_AGE",
        category: Category::MismatchTag,
        meaning: "Going by its name, the client's age could not be worked out, so the age limits could not be \
                  checked. iDenfy does not explain this tag further.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "INVALID_ADDITIONAL_STEP",
        category: Category::MismatchTag,
        meaning: "An additional step (an extra step the business asked for, such as a utility bill) was not valid.",
        next_step: Some(
            "Redo the additional step with a correct, current document or information.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "ADDITIONAL_STEP_NOT_FOUND",
        category: Category::MismatchTag,
        meaning: "An additional step (an extra step the business asked for, such as a utility bill) could not \
                  be found. iDenfy does not explain this tag beyond its name.",
        next_step: Some("Complete the additional step, providing what it asks for."),
        reading: Reading::Attention,
    },
    Entry {
        code: "ADDITIONAL_STEP_INFORMATION_MISMATCH",
        category: Category::MismatchTag,
        meaning: "Information from an additional step (such as a utility bill) does not agree with the rest of \
                  the verification. iDenfy does not explain this tag beyond its name.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "EXPIRED_ADDITIONAL_STEP_INFORMATION",
        category: Category::MismatchTag,
        meaning: "Information given in an additional step (such as a utility bill) is out of date. iDenfy does \
                  not explain this tag beyond its name.",
        next_step: Some("Redo the additional step with current information."),
        reading: Reading::Attention,
    },
    Entry {
        code: "UTILITY_ADDRESS",
        category: Category::MismatchTag,
        meaning: "The address on the utility bill does not match. iDenfy does not explain this tag beyond its name.",
        next_step: Some("Provide a utility bill that shows the client's current address."),
        reading: Reading::Attention,
    },
    Entry {
        code: "UTILITY_NAME",
        category: Category::MismatchTag,
        meaning: "The name on the utility bill does not match. iDenfy does not explain this tag beyond its name.",
        next_step: Some("Provide a utility bill in the client's own name."),
        reading: Reading::Attention,
    },
    Entry {
        code: "EXPIRED_UTILITY_BILL",
        category: Category::MismatchTag,
        meaning: "The utility bill is too old to be accepted.",
        next_step: Some("Provide a more recent utility bill."),
        reading: Reading::Attention,
    },
    Entry {
        code: "REGISTRY_CENTER_INFO_MISMATCH",
        category: Category::MismatchTag,
        meaning: "Details differ from those held by a registry centre. iDenfy does not explain this tag beyond its name.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "DRIVER_LICENSE_INFO_MISMATCH",
        category: Category::MismatchTag,
        meaning: "Details differ from the driving licence records they were checked against. iDenfy does not \
                  explain this tag beyond its name.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "NOT_SUPPORTED_POA_DOCUMENT_TYPE",
        category: Category::MismatchTag,
        meaning: "The proof-of-address document is of a kind that is not supported.",
        next_step: Some("Provide a proof of address of a kind the business accepts."),
        reading: Reading::Attention,
    },
    Entry {
        code: "NOT_SUPPORTED_POA_DOCUMENT_COUNTRY",
        category: Category::MismatchTag,
        meaning: "Proof-of-address documents from this country are not supported.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "POA_COUNTRIES_MISMATCH",
        category: Category::MismatchTag,
        meaning: "The country of the proof-of-address document does not match. iDenfy does not explain this \
                  tag beyond its name.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "POA_SCREENSHOT_DETECTED",
        category: Category::MismatchTag,
        meaning: "The proof-of-address document seems to be a screenshot rather than the original.",
        next_step: Some("Provide the original document, not a screenshot."),
        reading: Reading::Attention,
    },
    // Document types (`docType`).
    Entry {
        code: "ID_CARD",
        category: Category::DocumentType,
        meaning: "The document is an identity card.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "PASSPORT",
        category: Category::DocumentType,
        meaning: "The document is a passport.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "RESIDENCE_PERMIT",
        category: Category::DocumentType,
        meaning: "The document is a residence permit.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "DRIVER_LICENSE",
        category: Category::DocumentType,
        meaning: "The document is a driving licence.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "PAN_CARD",
        category: Category::DocumentType,
        meaning: "The document is an Indian PAN card (the Permanent Account Number card used for tax).",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "AADHAAR",
        category: Category::DocumentType,
        meaning: "The document is an Indian Aadhaar card, which carries the Aadhaar identity number.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "VISA",
        category: Category::DocumentType,
        meaning: "The document is a visa.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "NATIONAL_PASSPORT",
        category: Category::DocumentType,
        meaning: "The document is a national passport. iDenfy lists this type next to PASSPORT without \
                  explaining the difference.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "PROVISIONAL_DRIVER_LICENSE",
        category: Category::DocumentType,
        meaning: "The document is a provisional (learner's) driving licence.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "OLD_ID_CARD",
        category: Category::DocumentType,
        meaning: "The document is an older version of an identity card.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "MILITARY_CARD",
        category: Category::DocumentType,
        meaning: "The document is a military identity card.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "BANK_ID_SE",
        category: Category::DocumentType,
        meaning: "Going by its name, the client identified with Swedish BankID, an electronic identity from \
                  the client's bank.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "ADDRESS_CARD",
        category: Category::DocumentType,
        meaning: "The document is an address card. iDenfy does not describe this type beyond its name.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "SMART_ID",
        category: Category::DocumentType,
        meaning: "Going by its name, the client identified with Smart-ID, an electronic identity app.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "BANK_ID_NO",
        category: Category::DocumentType,
        meaning: "Going by its name, the client identified with Norwegian BankID, an electronic identity from \
                  the client's bank.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "BANK_ID_CZ",
        category: Category::DocumentType,
        meaning: "Going by its name, the client identified with a Czech bank identity, an electronic identity \
                  from the client's bank.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "WORK_PERMIT",
        category: Category::DocumentType,
        meaning: "The document is a work permit.",
        next_step: None,
        reading: Reading::Good,
    },
    // Sex (`docSex`).
    Entry {
        code: "MALE",
        category: Category::Sex,
        meaning: "The document gives the client's sex as male.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "FEMALE",
        category: Category::Sex,
        meaning: "The document gives the client's sex as female.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "UNDEFINED",
        category: Category::Sex,
        meaning: "No sex was taken from the document.",
        next_step: None,
        reading: Reading::Good,
    },
    // Age estimate (`ageEstimate`): guessed from the selfie when the liveness check is on.
    Entry {
        code: "UNDER_8",
        category: Category::AgeEstimate,
        meaning: "Judging by the selfie, the client looks under 8. This is an estimate from the face, not the \
                  date of birth.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "OVER_8",
        category: Category::AgeEstimate,
        meaning: "Judging by the selfie, the client looks over 8. This is an estimate from the face, not the \
                  date of birth.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "UNDER_13",
        category: Category::AgeEstimate,
        meaning: "Judging by the selfie, the client looks under 13. This is an estimate from the face, not the \
                  date of birth.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "OVER_13",
        category: Category::AgeEstimate,
        meaning: "Judging by the selfie, the client looks over 13. This is an estimate from the face, not the \
                  date of birth.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "OVER_16",
        category: Category::AgeEstimate,
        meaning: "Judging by the selfie, the client looks over 16. This is an estimate from the face, not the \
                  date of birth.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "OVER_18",
        category: Category::AgeEstimate,
        meaning: "Judging by the selfie, the client looks over 18. This is an estimate from the face, not the \
                  date of birth.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "OVER_21",
        category: Category::AgeEstimate,
        meaning: "Judging by the selfie, the client looks over 21. This is an estimate from the face, not the \
                  date of birth.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "OVER_22",
        category: Category::AgeEstimate,
        meaning: "Judging by the selfie, the client looks over 22. This is an estimate from the face, not the \
                  date of birth.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "OVER_25",
        category: Category::AgeEstimate,
        meaning: "Judging by the selfie, the client looks over 25. This is an estimate from the face, not the \
                  date of birth.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "OVER_30",
        category: Category::AgeEstimate,
        meaning: "Judging by the selfie, the client looks over 30. This is an estimate from the face, not the \
                  date of birth.",
        next_step: None,
        reading: Reading::Good,
    },
    // IP proxy risk level (`clientIpProxyRiskLevel`).
    Entry {
        code: "VERY_LOW",
        category: Category::ProxyRiskLevel,
        meaning: "The client's internet address shows a very low risk of going through a proxy (a service that \
                  hides where someone really connects from).",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "LOW",
        category: Category::ProxyRiskLevel,
        meaning: "The client's internet address shows a low risk of going through a proxy (a service that hides \
                  where someone really connects from).",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "MEDIUM",
        category: Category::ProxyRiskLevel,
        meaning: "The client's internet address shows a medium risk of going through a proxy (a service that \
                  hides where someone really connects from).",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "HIGH",
        category: Category::ProxyRiskLevel,
        meaning: "The client's internet address shows a high risk of going through a proxy (a service that \
                  hides where someone really connects from).",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "VERY_HIGH",
        category: Category::ProxyRiskLevel,
        meaning: "The client's internet address shows a very high risk of going through a proxy (a service that \
                  hides where someone really connects from).",
        next_step: None,
        reading: Reading::Bad,
    },
    Entry {
        code: "NOT_CHECKED",
        category: Category::ProxyRiskLevel,
        meaning: "The client's internet address was not checked for a proxy.",
        next_step: None,
        reading: Reading::Attention,
    },
    // Additional step results (webhook `additionalSteps` values).
    Entry {
        code: "VALID",
        category: Category::AdditionalStepResult,
        meaning: "The additional step (an extra step the business asked for, such as a utility bill) was accepted.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "INVALID",
        category: Category::AdditionalStepResult,
        meaning: "The additional step (an extra step the business asked for, such as a utility bill) was not valid.",
        next_step: Some(
            "Redo the additional step with a correct, current document or information.",
        ),
        reading: Reading::Bad,
    },
    Entry {
        code: "NOT_FOUND",
        category: Category::AdditionalStepResult,
        meaning: "The additional step (an extra step the business asked for, such as a utility bill) could not \
                  be found. iDenfy does not explain this value beyond its name.",
        next_step: Some("Complete the additional step, providing what it asks for."),
        reading: Reading::Bad,
    },
    // Webhook event types (`Idenfy-Event-Type` header).
    Entry {
        code: "IDENTIFICATION",
        category: Category::WebhookEvent,
        meaning: "The general verification event, which iDenfy lists as legacy.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "IDENTIFICATION_AUTO_FINISHED",
        category: Category::WebhookEvent,
        meaning: "The automatic checks of a verification have finished.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "IDENTIFICATION_MANUAL_FINISHED",
        category: Category::WebhookEvent,
        meaning: "A person's review of a verification has finished; the manual results it carries are the final ones.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "IDENTIFICATION_EXPIRED",
        category: Category::WebhookEvent,
        meaning: "A verification link ran out before the client finished verifying.",
        next_step: Some(
            "Start a new verification for the client: the old link cannot be used again.",
        ),
        reading: Reading::Attention,
    },
    Entry {
        code: "IDENTIFICATION_CANCELLED",
        category: Category::WebhookEvent,
        meaning: "A verification was cancelled before it finished. iDenfy does not explain this event beyond its name.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "IDENTIFICATION_RESUBMITTED",
        category: Category::WebhookEvent,
        meaning: "A verification was submitted again. iDenfy does not explain this event beyond its name.",
        next_step: None,
        reading: Reading::Good,
    },
    Entry {
        code: "DOCUMENT_EXPIRATION",
        category: Category::WebhookEvent,
        meaning: "A notice about the expiry of a client's document. iDenfy does not explain this event beyond its name.",
        next_step: None,
        reading: Reading::Attention,
    },
    Entry {
        code: "VIDEO_CALL_FINISHED",
        category: Category::WebhookEvent,
        meaning: "A verification done over a video call has finished.",
        next_step: None,
        reading: Reading::Good,
    },
];

/// The entry for `code` in `category`; exact and case-sensitive, as the API sends codes in upper case.
pub fn lookup(category: Category, code: &str) -> Option<&'static Entry> {
    ENTRIES
        .iter()
        .find(|entry| entry.category == category && entry.code == code)
}

/// Every entry for `code` in any category, ignoring case, in table order.
pub fn find(code: &str) -> Vec<&'static Entry> {
    ENTRIES
        .iter()
        .filter(|entry| entry.code.eq_ignore_ascii_case(code))
        .collect()
}

/// Up to `max` distinct known codes closest to `code` (edit distance, ignoring case), closest first;
/// equally close codes keep table order. For "did you mean"; callers decide how far is too far.
fn nearest(code: &str, max: usize) -> Vec<&'static str> {
    let wanted: Vec<char> = code.to_uppercase().chars().collect();
    let mut scored: Vec<(usize, &'static str)> = Vec::new();
    for entry in ENTRIES {
        if scored.iter().all(|&(_, known)| known != entry.code) {
            let known: Vec<char> = entry.code.to_uppercase().chars().collect();
            scored.push((edit_distance(&wanted, &known), entry.code));
        }
    }
    scored.sort_by_key(|&(distance, _)| distance);
    scored
        .into_iter()
        .take(max)
        .map(|(_, known)| known)
        .collect()
}

/// "Did you mean" candidates: up to three known codes close enough to `code` to be a
/// likely typo (at most a third of its length away, and at least two edits allowed).
pub fn suggestions(code: &str) -> Vec<&'static str> {
    let length = code.chars().count();
    if length == 0 || length > 64 {
        return Vec::new();
    }
    let wanted: Vec<char> = code.to_uppercase().chars().collect();
    let limit = (length / 3).max(2);
    nearest(code, 3)
        .into_iter()
        .filter(|known| {
            let known: Vec<char> = known.to_uppercase().chars().collect();
            edit_distance(&wanted, &known) <= limit
        })
        .collect()
}

/// Levenshtein distance: the fewest single-character insertions, deletions and substitutions.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &from) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &to) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(from != to);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The `data` field a mismatch tag points at, e.g. NAME -> "docFirstName"; None for the other tags.
pub fn mismatch_field(tag: &str) -> Option<&'static str> {
    let field = match tag {
        "NAME" => "docFirstName",
        "SURNAME" => "docLastName",
        "FULL_NAME" => "fullName",
        "DOCUMENT_NUMBER" => "docNumber",
        "PERSONAL_CODE" => "docPersonalCode",
        "EXPIRY_DATE" => "docExpiry",
        "DATE_OF_BIRTH" => "docDob",
        "DATE_OF_ISSUE" => "docDateOfIssue",
        "SEX" => "docSex",
        "NATIONALITY" => "docNationality",
        _ => return None,
    };
    Some(field)
}

/// How an overall status reads; unknown statuses call for attention.
pub fn overall_reading(status: &str) -> Reading {
    lookup(Category::OverallStatus, status).map_or(Reading::Attention, |entry| entry.reading)
}

/// How a face or document result reads; unknown codes call for attention.
pub fn check_reading(result: &str) -> Reading {
    lookup(Category::FaceResult, result)
        .or_else(|| lookup(Category::DocumentResult, result))
        .map_or(Reading::Attention, |entry| entry.reading)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::path::Path;

    use super::*;

    /// The code lists iDenfy documents (VOCABULARY.md and the seed pages), written out on their own.
    const DOCUMENTED: &[(Category, &[&str])] = &[
        (
            Category::OverallStatus,
            &[
                "APPROVED",
                "DENIED",
                "SUSPECTED",
                "REVIEWING",
                "ACTIVE",
                "EXPIRED",
                "EXPIRED-DELETED",
                "DELETED",
                "ARCHIVED",
            ],
        ),
        (
            Category::FaceResult,
            &[
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
            ],
        ),
        (
            Category::DocumentResult,
            &[
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
            ],
        ),
        (
            Category::FraudTag,
            &[
                "FACE_SUSPECTED",
                "FACE_BLACKLISTED",
                "DOC_FACE_BLACKLISTED",
                "FACE_IN_BLACKLIST",
                "DOC_FACE_IN_BLACKLIST",
                "DATA_BLACKLISTED",
                "DATA_IN_BLACKLIST",
                "DUPLICATE_FACE",
                "DUPLICATE_DOC_FACE",
                "DUPLICATE_PERSONAL_DATA",
                "DOC_MOBILE_PHOTO",
                "DEV_TOOLS_OPENED",
                "DOC_PRINT_SPOOFED",
                "FAKE_PHOTO",
                "VIRTUAL_CAMERA",
                "PORTRAIT_SUBSTITUTION",
                "ADDRESS_UNVERIFIED",
                "UTILITY_ADDRESS_CHECK_FAILURE",
                "AML_SUSPECTION",
                "AML_FAILED",
                "LID_SUSPECTION",
                "LID_FAILED",
                "SANCTIONS_SUSPECTION",
                "SANCTIONS_FAILED",
                "CRIMINAL_SUSPECTED",
                "CRIMINAL_CHECK_FAILED",
                "RC_FAILED",
                "DL_FAILED",
                "AUTO_UNVERIFIABLE",
            ],
        ),
        (
            Category::MismatchTag,
            &[
                "NAME",
                "SURNAME",
                "FULL_NAME",
                "DOCUMENT_NUMBER",
                "PERSONAL_CODE",
                "EXPIRY_DATE",
                "DATE_OF_BIRTH",
                "DATE_OF_ISSUE",
                "SEX",
                "NATIONALITY",
                "DOC_INFO_MISMATCH",
                "UNDER_AGE",
                "OVER_AGE",
                "UNKNOWN_AGE",
                "INVALID_ADDITIONAL_STEP",
                "ADDITIONAL_STEP_NOT_FOUND",
                "ADDITIONAL_STEP_INFORMATION_MISMATCH",
                "EXPIRED_ADDITIONAL_STEP_INFORMATION",
                "UTILITY_ADDRESS",
                "UTILITY_NAME",
                "EXPIRED_UTILITY_BILL",
                "REGISTRY_CENTER_INFO_MISMATCH",
                "DRIVER_LICENSE_INFO_MISMATCH",
                "NOT_SUPPORTED_POA_DOCUMENT_TYPE",
                "NOT_SUPPORTED_POA_DOCUMENT_COUNTRY",
                "POA_COUNTRIES_MISMATCH",
                "POA_SCREENSHOT_DETECTED",
            ],
        ),
        (
            Category::DocumentType,
            &[
                "ID_CARD",
                "PASSPORT",
                "RESIDENCE_PERMIT",
                "DRIVER_LICENSE",
                "PAN_CARD",
                "AADHAAR",
                "VISA",
                "NATIONAL_PASSPORT",
                "PROVISIONAL_DRIVER_LICENSE",
                "OLD_ID_CARD",
                "MILITARY_CARD",
                "BANK_ID_SE",
                "ADDRESS_CARD",
                "SMART_ID",
                "BANK_ID_NO",
                "BANK_ID_CZ",
                "WORK_PERMIT",
            ],
        ),
        (Category::Sex, &["MALE", "FEMALE", "UNDEFINED"]),
        (
            Category::AgeEstimate,
            &[
                "UNDER_8", "OVER_8", "UNDER_13", "OVER_13", "OVER_16", "OVER_18", "OVER_21",
                "OVER_22", "OVER_25", "OVER_30",
            ],
        ),
        (
            Category::ProxyRiskLevel,
            &[
                "VERY_LOW",
                "LOW",
                "MEDIUM",
                "HIGH",
                "VERY_HIGH",
                "NOT_CHECKED",
            ],
        ),
        (
            Category::AdditionalStepResult,
            &["VALID", "INVALID", "NOT_FOUND"],
        ),
        (
            Category::WebhookEvent,
            &[
                "IDENTIFICATION",
                "IDENTIFICATION_AUTO_FINISHED",
                "IDENTIFICATION_MANUAL_FINISHED",
                "IDENTIFICATION_EXPIRED",
                "IDENTIFICATION_CANCELLED",
                "IDENTIFICATION_RESUBMITTED",
                "DOCUMENT_EXPIRATION",
                "VIDEO_CALL_FINISHED",
            ],
        ),
    ];

    /// Upper-case words in VOCABULARY.md that are not codes of any category: abbreviations used in
    /// prose, and the keys of `fileUrls` / `additionalStepPdfUrls`, which name files, not results.
    const NOT_CODES: &[&str] = &[
        "AML",
        "LID",
        "API",
        "FRONT",
        "BACK",
        "FACE",
        "FRONT_VIDEO",
        "BACK_VIDEO",
        "FACE_VIDEO",
        "UTILITY_BILL",
        "POA2",
    ];

    const NOT_JUDGED: [&str; 5] = [
        "FACE_NOT_ANALYSED",
        "FACE_NOT_CHECKED",
        "DOC_NOT_ANALYSED",
        "AUTO_UNVERIFIABLE",
        "FACE_UNCERTAIN",
    ];

    fn looks_like_code(token: &str) -> bool {
        let mut chars = token.chars();
        chars.next().is_some_and(|first| first.is_ascii_uppercase())
            && token.len() >= 3
            && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-')
    }

    #[test]
    fn suggestions_are_only_likely_typos() {
        assert_eq!(suggestions("DOC_EXPIRD"), ["DOC_EXPIRED"]);
        assert_eq!(suggestions("face_mach")[0], "FACE_MATCH");
        assert!(suggestions("BAD").is_empty());
        assert!(suggestions("").is_empty());
        assert!(suggestions(&"X".repeat(100_000)).is_empty());
    }

    #[test]
    fn every_documented_code_has_an_entry() {
        let mut missing = Vec::new();
        for &(category, codes) in DOCUMENTED {
            for &code in codes {
                if lookup(category, code).is_none() {
                    missing.push(format!("{} {code}", category.slug()));
                }
            }
        }
        assert!(missing.is_empty(), "no entry for {missing:?}");

        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/VOCABULARY.md");
        let Ok(text) = std::fs::read_to_string(&path) else {
            return;
        };
        let start = text
            .find("## Overall status")
            .expect("VOCABULARY.md has an overall status heading");
        let unknown: Vec<&str> = text[start..]
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .filter(|token| looks_like_code(token) && !NOT_CODES.contains(token))
            .filter(|token| find(token).is_empty())
            .collect();
        assert!(
            unknown.is_empty(),
            "codes in VOCABULARY.md without an entry: {unknown:?}"
        );
    }

    #[test]
    fn every_category_is_documented_and_has_entries() {
        for category in Category::ALL {
            assert!(ENTRIES.iter().any(|entry| entry.category == category));
            assert!(DOCUMENTED.iter().any(|&(listed, _)| listed == category));
        }
        let slugs: HashSet<&str> = Category::ALL.iter().map(|c| c.slug()).collect();
        let titles: HashSet<&str> = Category::ALL.iter().map(|c| c.title()).collect();
        assert_eq!(slugs.len(), Category::ALL.len());
        assert_eq!(titles.len(), Category::ALL.len());
        for slug in slugs {
            assert!(
                slug.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{slug}"
            );
        }
        assert_eq!(Category::FaceResult.slug(), "face-result");
        assert_eq!(Category::ProxyRiskLevel.title(), "IP proxy risk level");
    }

    #[test]
    fn no_code_appears_twice_in_one_category() {
        let mut seen = HashSet::new();
        for entry in ENTRIES {
            assert!(
                seen.insert((entry.category, entry.code)),
                "{} {} twice",
                entry.category.slug(),
                entry.code
            );
        }
    }

    #[test]
    fn texts_are_short_sentences() {
        for entry in ENTRIES {
            let code = entry.code;
            assert!(!entry.meaning.trim().is_empty(), "{code}: empty meaning");
            assert!(
                entry.meaning.ends_with('.'),
                "{code}: meaning lacks a period"
            );
            assert!(
                entry.meaning.chars().count() <= 300,
                "{code}: meaning too long"
            );
            assert!(!entry.meaning.contains("  "), "{code}: double space");
            if let Some(step) = entry.next_step {
                assert!(step.ends_with('.'), "{code}: next step lacks a period");
                assert!(step.chars().count() <= 300, "{code}: next step too long");
                assert!(!step.contains("  "), "{code}: double space in next step");
            }
        }
    }

    #[test]
    fn codes_are_upper_case() {
        for entry in ENTRIES {
            assert!(looks_like_code(entry.code), "{}", entry.code);
        }
    }

    #[test]
    fn lookup_is_exact_and_per_category() {
        let entry = lookup(Category::FaceResult, "FACE_MATCH").expect("FACE_MATCH is known");
        assert_eq!(entry.code, "FACE_MATCH");
        assert_eq!(entry.category, Category::FaceResult);
        assert!(lookup(Category::FaceResult, "face_match").is_none());
        assert!(lookup(Category::DocumentResult, "FACE_MATCH").is_none());
        assert!(lookup(Category::FaceResult, "SOMETHING_NEW").is_none());
    }

    #[test]
    fn find_ignores_case_and_spans_categories() {
        let found = find("face_match");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "FACE_MATCH");

        let categories: Vec<Category> = find("auto_unverifiable")
            .iter()
            .map(|e| e.category)
            .collect();
        assert_eq!(
            categories,
            [
                Category::FaceResult,
                Category::DocumentResult,
                Category::FraudTag
            ]
        );
        let categories: Vec<Category> = find("DOC_INFO_MISMATCH")
            .iter()
            .map(|e| e.category)
            .collect();
        assert_eq!(
            categories,
            [Category::DocumentResult, Category::MismatchTag]
        );
        assert!(find("SOMETHING_NEW").is_empty());
    }

    #[test]
    fn nearest_suggests_the_closest_distinct_codes() {
        let suggestions = nearest("FACE_MACH", 3);
        assert_eq!(suggestions.len(), 3);
        assert_eq!(suggestions[0], "FACE_MATCH");
        assert_eq!(nearest("DOC_EXPIRD", 1), ["DOC_EXPIRED"]);
        assert_eq!(nearest("doc_expird", 1), ["DOC_EXPIRED"]);
        assert_eq!(nearest("APPROVED", 1), ["APPROVED"]);
        assert!(nearest("FACE_MATCH", 0).is_empty());

        let many = nearest("AUTO_UNVERIFIABL", 50);
        let distinct: HashSet<&str> = many.iter().copied().collect();
        assert_eq!(distinct.len(), many.len(), "a code is suggested twice");
        assert_eq!(many[0], "AUTO_UNVERIFIABLE");
    }

    #[test]
    fn nearest_breaks_ties_by_table_order() {
        // One edit from each of these age estimates, listed in table order.
        assert_eq!(
            nearest("OVER_1", 5),
            ["OVER_8", "OVER_13", "OVER_16", "OVER_18", "OVER_21"]
        );
        // From nothing, the shortest codes are closest: SEX (a mismatch tag) comes before LOW.
        assert_eq!(nearest("", 2), ["SEX", "LOW"]);
    }

    #[test]
    fn edit_distance_counts_single_character_edits() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(edit_distance(&chars(""), &chars("abc")), 3);
        assert_eq!(edit_distance(&chars("abc"), &chars("abc")), 0);
        assert_eq!(edit_distance(&chars("abc"), &chars("")), 3);
    }

    #[test]
    fn the_first_ten_mismatch_tags_point_at_data_fields() {
        let expected = [
            ("NAME", "docFirstName"),
            ("SURNAME", "docLastName"),
            ("FULL_NAME", "fullName"),
            ("DOCUMENT_NUMBER", "docNumber"),
            ("PERSONAL_CODE", "docPersonalCode"),
            ("EXPIRY_DATE", "docExpiry"),
            ("DATE_OF_BIRTH", "docDob"),
            ("DATE_OF_ISSUE", "docDateOfIssue"),
            ("SEX", "docSex"),
            ("NATIONALITY", "docNationality"),
        ];
        for (tag, field) in expected {
            assert_eq!(mismatch_field(tag), Some(field), "{tag}");
            assert!(lookup(Category::MismatchTag, tag).is_some(), "{tag}");
        }
        for entry in ENTRIES
            .iter()
            .filter(|e| e.category == Category::MismatchTag)
        {
            if !expected.iter().any(|&(tag, _)| tag == entry.code) {
                assert_eq!(mismatch_field(entry.code), None, "{}", entry.code);
            }
        }
        assert_eq!(mismatch_field("name"), None);
        assert_eq!(mismatch_field("SOMETHING_NEW"), None);
    }

    #[test]
    fn passing_failing_and_unknown_results_read_differently() {
        assert_eq!(check_reading("FACE_MATCH"), Reading::Good);
        assert_eq!(check_reading("DOC_VALIDATED"), Reading::Good);
        assert_eq!(check_reading("DOC_GLARED"), Reading::Bad);
        assert_eq!(check_reading("FACE_BLACKLISTED"), Reading::Bad);
        assert_eq!(check_reading("FACE_NOT_ANALYSED"), Reading::Attention);
        assert_eq!(check_reading("AUTO_UNVERIFIABLE"), Reading::Attention);
        assert_eq!(check_reading("SOMETHING_NEW"), Reading::Attention);
        assert_eq!(check_reading("APPROVED"), Reading::Attention);
        assert_eq!(check_reading(""), Reading::Attention);
        assert_eq!(overall_reading("APPROVED"), Reading::Good);
        assert_eq!(overall_reading("DENIED"), Reading::Bad);
        assert_eq!(overall_reading("REVIEWING"), Reading::Attention);
        assert_eq!(overall_reading("SUSPECTED"), Reading::Attention);
        assert_eq!(overall_reading("SOMETHING_NEW"), Reading::Attention);
        assert_eq!(overall_reading("approved"), Reading::Attention);
    }

    #[test]
    fn every_result_and_status_reads_by_the_rule() {
        for entry in ENTRIES {
            let code = entry.code;
            match entry.category {
                Category::FaceResult | Category::DocumentResult => {
                    let expected = if code == "FACE_MATCH" || code == "DOC_VALIDATED" {
                        Reading::Good
                    } else if NOT_JUDGED.contains(&code) {
                        Reading::Attention
                    } else {
                        Reading::Bad
                    };
                    assert_eq!(entry.reading, expected, "{code}");
                    assert_eq!(check_reading(code), expected, "{code}");
                }
                Category::OverallStatus => {
                    let expected = match code {
                        "APPROVED" => Reading::Good,
                        "DENIED" => Reading::Bad,
                        _ => Reading::Attention,
                    };
                    assert_eq!(entry.reading, expected, "{code}");
                    assert_eq!(overall_reading(code), expected, "{code}");
                }
                Category::MismatchTag => assert_eq!(entry.reading, Reading::Attention, "{code}"),
                _ => {}
            }
        }
        let reading = |category, code| lookup(category, code).map(|e| e.reading);
        assert_eq!(
            reading(Category::ProxyRiskLevel, "VERY_HIGH"),
            Some(Reading::Bad)
        );
        assert_eq!(
            reading(Category::ProxyRiskLevel, "HIGH"),
            Some(Reading::Bad)
        );
        assert_eq!(
            reading(Category::ProxyRiskLevel, "MEDIUM"),
            Some(Reading::Attention)
        );
        assert_eq!(
            reading(Category::ProxyRiskLevel, "LOW"),
            Some(Reading::Good)
        );
        assert_eq!(
            reading(Category::AdditionalStepResult, "VALID"),
            Some(Reading::Good)
        );
        assert_eq!(
            reading(Category::AdditionalStepResult, "INVALID"),
            Some(Reading::Bad)
        );
        assert_eq!(
            reading(Category::AdditionalStepResult, "NOT_FOUND"),
            Some(Reading::Bad)
        );
        assert_eq!(
            reading(Category::DocumentType, "PASSPORT"),
            Some(Reading::Good)
        );
        assert_eq!(reading(Category::Sex, "FEMALE"), Some(Reading::Good));
        assert_eq!(
            reading(Category::FraudTag, "DUPLICATE_FACE"),
            Some(Reading::Bad)
        );
        assert_eq!(
            reading(Category::FraudTag, "ADDRESS_UNVERIFIED"),
            Some(Reading::Attention)
        );
    }
}
