use super::*;

fn valid() -> ArticleDraft {
    ArticleDraft {
        title: "Desk posture".into(),
        slug: String::new(),
        category: "Physical Therapy".into(),
        summary: String::new(),
        body_md: "Sit up.".into(),
        ..ArticleDraft::default()
    }
}

fn key() -> MediaKey {
    MediaKey::parse(&"ab".repeat(16)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_decorative_image_needs_no_alt_text_and_keeps_none() {
    let mut draft = valid();
    draft.hero = Some(key());
    draft.hero_alt = "left over".into();
    draft.hero_decorative = true;
    let hero = draft.validate().ok().and_then(|d| d.hero);
    assert_eq!(
        hero,
        Some(ValidHero {
            key: key(),
            alt: String::new(),
            decorative: true
        })
    );
}

#[test]
fn an_empty_slug_comes_from_the_title() {
    let draft = valid().validate().map_err(|e| format!("{e:?}"));
    assert_eq!(
        draft.map(|d| d.slug.to_string()),
        Ok("desk-posture".to_owned())
    );
}

#[test]
fn each_rule_names_its_field() {
    type Case = (&'static str, fn(&mut ArticleDraft), Field);
    let cases: Vec<Case> = vec![
        ("no title", |d| d.title = " ".into(), Field::Title),
        (
            "long title",
            |d| d.title = "t".repeat(TITLE_MAX + 1),
            Field::Title,
        ),
        ("bad slug", |d| d.slug = "Not A Slug".into(), Field::Slug),
        (
            "no category",
            |d| d.category = String::new(),
            Field::Category,
        ),
        (
            "long summary",
            |d| d.summary = "s".repeat(SUMMARY_MAX + 1),
            Field::Summary,
        ),
        ("no body", |d| d.body_md = "\n".into(), Field::BodyMd),
        (
            "image without alt",
            |d| d.hero = Some(key()),
            Field::HeroAlt,
        ),
        (
            "long alt",
            |d| {
                d.hero = Some(key());
                d.hero_alt = "a".repeat(ALT_MAX + 1);
            },
            Field::HeroAlt,
        ),
    ];
    for (name, break_it, field) in cases {
        let mut draft = valid();
        break_it(&mut draft);
        let errors = draft.validate().err().unwrap_or_default();
        assert!(errors.get(field).is_some(), "case {name}: {errors:?}");
    }
}

#[test]
fn the_text_limit_counts_characters_not_bytes() {
    // "ñ" is two bytes: a Spanish text at the limit is not refused as twice as long.
    let mut draft = valid();
    draft.body_md = "ñ".repeat(BODY_MAX);
    assert!(draft.validate().is_ok());
    draft.body_md.push('ñ');
    let errors = draft.validate().err().unwrap_or_default();
    assert!(errors.get(Field::BodyMd).is_some());
}
