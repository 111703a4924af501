//! The fields of a `data` response, placed in the sections people read them in.

use serde_json::{Map, Value};

/// The sections of `data`, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataGroup {
    Person,
    Document,
    OriginalLanguage,
    Checks,
    Other,
}

impl DataGroup {
    pub const ALL: [DataGroup; 5] = [
        DataGroup::Person,
        DataGroup::Document,
        DataGroup::OriginalLanguage,
        DataGroup::Checks,
        DataGroup::Other,
    ];

    pub fn title(self) -> &'static str {
        match self {
            DataGroup::Person => "Person",
            DataGroup::Document => "Document",
            DataGroup::OriginalLanguage => "Original language",
            DataGroup::Checks => "Checks",
            DataGroup::Other => "Other",
        }
    }
}

/// The documented `data` fields: key, section, and a label for people.
const DATA_FIELDS: [(&str, DataGroup, &str); 41] = [
    ("docFirstName", DataGroup::Person, "First name"),
    ("docLastName", DataGroup::Person, "Last name"),
    ("fullName", DataGroup::Person, "Full name"),
    ("docDob", DataGroup::Person, "Date of birth"),
    ("docSex", DataGroup::Person, "Sex"),
    ("docNationality", DataGroup::Person, "Nationality"),
    ("birthPlace", DataGroup::Person, "Birth place"),
    ("docBirthName", DataGroup::Person, "Birth name"),
    (
        "mothersMaidenName",
        DataGroup::Person,
        "Mother's maiden name",
    ),
    ("address", DataGroup::Person, "Address"),
    (
        "docTemporaryAddress",
        DataGroup::Person,
        "Temporary address",
    ),
    ("manualAddress", DataGroup::Person, "Manual address"),
    ("docType", DataGroup::Document, "Type"),
    ("docNumber", DataGroup::Document, "Number"),
    ("docPersonalCode", DataGroup::Document, "Personal code"),
    ("docIssuingCountry", DataGroup::Document, "Issuing country"),
    ("docDateOfIssue", DataGroup::Document, "Date of issue"),
    ("docExpiry", DataGroup::Document, "Expiry"),
    ("authority", DataGroup::Document, "Authority"),
    (
        "driverLicenseCategory",
        DataGroup::Document,
        "Driver license category",
    ),
    ("selectedCountry", DataGroup::Document, "Selected country"),
    ("orgFirstName", DataGroup::OriginalLanguage, "First name"),
    ("orgLastName", DataGroup::OriginalLanguage, "Last name"),
    ("orgNationality", DataGroup::OriginalLanguage, "Nationality"),
    ("orgBirthPlace", DataGroup::OriginalLanguage, "Birth place"),
    ("orgBirthName", DataGroup::OriginalLanguage, "Birth name"),
    ("orgAuthority", DataGroup::OriginalLanguage, "Authority"),
    ("orgAddress", DataGroup::OriginalLanguage, "Address"),
    (
        "orgTemporaryAddress",
        DataGroup::OriginalLanguage,
        "Temporary address",
    ),
    (
        "orgMothersMaidenName",
        DataGroup::OriginalLanguage,
        "Mother's maiden name",
    ),
    ("manuallyDataChanged", DataGroup::Checks, "Manually changed"),
    ("ageEstimate", DataGroup::Checks, "Age estimate"),
    ("clientIpProxyRiskLevel", DataGroup::Checks, "IP proxy risk"),
    ("duplicateFaces", DataGroup::Checks, "Duplicate faces"),
    (
        "duplicateDocFaces",
        DataGroup::Checks,
        "Duplicate document faces",
    ),
    (
        "manualAddressMatch",
        DataGroup::Checks,
        "Manual address match",
    ),
    (
        "addressVerification",
        DataGroup::Checks,
        "Address verification",
    ),
    (
        "registryCenterCheck",
        DataGroup::Checks,
        "Registry center check",
    ),
    ("additionalData", DataGroup::Checks, "Additional data"),
    ("scanRef", DataGroup::Other, "scanRef"),
    ("clientId", DataGroup::Other, "clientId"),
];

/// One field of a `data` response, placed in its section.
#[derive(Debug, PartialEq)]
pub struct DataField<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub group: DataGroup,
    pub value: &'a Value,
}

/// Every field of a `data` response with its section; fields this program does not know go
/// to [`DataGroup::Other`] under their own name.
///
/// Known fields come in the order of [`DATA_FIELDS`] (name before number, as a person reads
/// a document); unknown ones follow in the API's order.
pub fn data_fields(body: &Map<String, Value>) -> Vec<DataField<'_>> {
    let mut fields: Vec<(usize, DataField<'_>)> = body
        .iter()
        .map(|(key, value)| {
            let known = DATA_FIELDS.iter().position(|(known, _, _)| known == key);
            let (group, label) = known.map_or((DataGroup::Other, key.as_str()), |i| {
                (DATA_FIELDS[i].1, DATA_FIELDS[i].2)
            });
            let field = DataField {
                key,
                label,
                group,
                value,
            };
            (known.unwrap_or(DATA_FIELDS.len()), field)
        })
        .collect();
    fields.sort_by_key(|(rank, _)| *rank);
    fields.into_iter().map(|(_, field)| field).collect()
}

/// The screening results a webhook payload (or a `data` response) may carry, under every
/// key iDenfy documents: AML (sanctions, PEP, adverse media), LID (lost and invalid
/// documents), the criminal record check, and an AML review (`amlCheck`).
pub const SCREENING_LISTS: [&str; 6] = ["AML", "aml", "LID", "lid", "CRIMINAL_CHECK", "amlCheck"];
