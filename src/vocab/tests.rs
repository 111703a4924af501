//! Unit tests of the vocabulary's loading and lookups; `tests/vocabulary.rs` checks the
//! entries themselves, as `explain --list --json` prints them.

use super::*;

/// One well-formed entry under `section`, with `extra` lines added.
fn one(section: &str, code: &str, extra: &str) -> String {
    format!(
        "[[{section}]]\ncode = \"{code}\"\nsource = \"name\"\nreading = \"bad\"\n\
         disposition = \"neutral\"\nmeaning = \"Something happened.\"\nnext_step = \"Do something.\"\n{extra}\n"
    )
}

/// A file with one entry in every category, then `more`.
fn file_with(more: &str) -> String {
    let mut text: String = Category::ALL
        .iter()
        .map(|c| one(c.slug(), "SOME_CODE", ""))
        .collect();
    text.push_str(more);
    text
}

#[test]
fn the_embedded_vocabulary_parses_whole() {
    let entries = parse(VOCABULARY).unwrap_or_else(|err| panic!("vocab.toml: {err}"));
    assert_eq!(entries.len(), 181);
    assert_eq!(load_error(), None);
    assert_eq!(self::entries().len(), entries.len());
    let mut categories: Vec<Category> = entries.iter().map(|e| e.category).collect();
    categories.dedup();
    assert_eq!(categories, Category::ALL, "sections out of order or split");
}

#[test]
fn a_documented_code_cites_its_page_and_one_read_from_its_name_does_not() {
    let documented = |extra: &str| {
        file_with(&one("sex", "OTHER_CODE", extra)).replace(
            "code = \"OTHER_CODE\"\nsource = \"name\"",
            "code = \"OTHER_CODE\"\nsource = \"documented\"",
        )
    };
    assert_eq!(
        parse(&documented("")).expect_err("no cite"),
        "[[sex]] OTHER_CODE: a documented code cites the page that documents it"
    );
    assert!(parse(&documented("cite = \"https://documentation.idenfy.com/x\"")).is_ok());
    assert!(
        parse(&file_with(&one(
            "sex",
            "OTHER_CODE",
            "cite = \"https://x.invalid/\""
        )))
        .is_err()
    );
    for entry in entries() {
        if let Some(cite) = &entry.cite {
            assert!(
                cite.starts_with("https://documentation.idenfy.com/")
                    || cite.starts_with("https://github.com/idenfy/Documentation/"),
                "{}: {cite}",
                entry.code
            );
        }
    }
}

#[test]
fn a_broken_file_is_an_error_that_names_the_place() {
    assert!(parse(&file_with("")).is_ok());
    let err = |text: &str| parse(text).expect_err(text);
    assert!(err("[[overall-status]\n").contains("line 1"));
    let twice = file_with(&one("sex", "SOME_CODE", ""));
    assert_eq!(err(&twice), "[[sex]] SOME_CODE: listed twice");
    assert_eq!(
        err(&file_with(&one("eye-colour", "BLUE", ""))),
        "unknown section [[eye-colour]]"
    );
    assert!(err(&file_with(&one("sex", "OTHER", "colour = \"red\""))).contains("colour"));
    let missing = file_with("").replace(
        "[[webhook-event-type]]\ncode = \"SOME_CODE\"",
        "[[sex]]\ncode = \"OTHER\"",
    );
    assert_eq!(err(&missing), "no [[webhook-event-type]] entries");
    let lower = file_with("").replacen("SOME_CODE", "some_code", 1);
    assert!(err(&lower).starts_with("[[overall-status]] some_code: a code is"));
    let empty = file_with("").replacen("Do something.", " ", 1);
    assert!(err(&empty).contains("must not be empty"), "{}", err(&empty));
    let unstopped = file_with("").replacen("Something happened.", "Something", 1);
    assert!(err(&unstopped).contains("full stop"));
    let reading = file_with("").replacen("\"bad\"", "\"awful\"", 1);
    assert!(err(&reading).contains("awful"));
    let source = file_with("").replacen("\"name\"", "\"rumour\"", 1);
    assert!(err(&source).contains("rumour"));
}

#[test]
fn readings_and_sources_have_slugs() {
    assert_eq!(Reading::Attention.slug(), "attention");
    assert_eq!(MeaningSource::Documented.slug(), "documented");
    assert_eq!(MeaningSource::Name.slug(), "name");
}

#[test]
fn categories_have_distinct_titles_and_slugs() {
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
fn suggestions_are_only_likely_typos() {
    assert_eq!(suggestions("DOC_EXPIRD"), ["DOC_EXPIRED"]);
    assert_eq!(suggestions("face_mach")[0], "FACE_MATCH");
    assert!(suggestions("BAD").is_empty());
    assert!(suggestions("").is_empty());
    assert!(suggestions(&"X".repeat(100_000)).is_empty());
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
    // From nothing, the shortest codes are closest: SEX (a mismatch tag) comes before FTN (a
    // document type).
    assert_eq!(nearest("", 2), ["SEX", "FTN"]);
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
    for entry in entries()
        .iter()
        .filter(|e| e.category == Category::MismatchTag)
    {
        if !expected.iter().any(|&(tag, _)| tag == entry.code) {
            assert_eq!(mismatch_field(&entry.code), None, "{}", entry.code);
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
