//! The practitioners' editor (administrators): a practitioner's week
//! changes what patients may book at once; a save against an older
//! version, or a week that does not read, changes nothing and says why.

use crate::patients::booking::{a_wednesday_ahead, free_times, type_id};
use crate::support::helpers::{spawn_app, TestApp};
use crate::support::media_helpers::jpeg;
use app::domain::media::StoredImage;
use app::domain::practitioner_draft::PractitionerSetup;
use app::domain::staff::Role;
use reqwest::StatusCode;

fn form<'a>(
    id: &'a str,
    version: &'a str,
    name: &'a str,
    hours: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("id", id),
        ("version", version),
        ("draft[name]", name),
        ("draft[bio]", "Chiropractor, fifteen years in Edison."),
        ("draft[hours]", hours),
        ("draft[active]", "true"),
        ("draft[languages][0]", "En"),
        ("draft[services][0]", "chiropractic"),
    ]
}

/// The practitioners' editor as `client` opens it.
async fn setup_of(app: &TestApp, client: &reqwest::Client) -> PractitionerSetup {
    app.call(client, "admin/practitioners", &[])
        .await
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Saves a practitioner as the editor does.
async fn save(app: &TestApp, client: &reqwest::Client, form: &[(&str, &str)]) -> reqwest::Response {
    app.call(client, "admin/save_practitioner", form).await
}

#[tokio::test]
async fn an_administrator_sets_a_practitioners_week_and_patients_see_it_at_once() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin).await;
    let setup = setup_of(&app, &admin.client).await;
    let first = &setup.practitioners[0];
    assert_eq!(first.draft.name, "Placeholder practitioner 1");
    assert!(
        first
            .draft
            .hours
            .starts_with("Monday 9:00-12:00, 13:00-17:00\nTuesday"),
        "{}",
        first.draft.hours
    );
    let id = first.id.unwrap_or_default().to_string();
    let version = first.version.to_string();

    // Mondays only, from now on: no Wednesday times with them.
    let saved = save(
        &app,
        &admin.client,
        &form(&id, &version, "Dr. Ana Rivera", "Monday 10:00-12:00"),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::OK, "{:?}", saved.text().await);
    let kind = type_id(&app, "chiropractic", "Follow-up").await;
    // They alone offer chiropractic in the seed: Wednesdays have nothing.
    assert!(free_times(&app, kind, a_wednesday_ahead()).await.is_empty());
    let monday = a_wednesday_ahead().saturating_add(jiff::ToSpan::days(5));
    let offered = free_times(&app, kind, monday).await;
    assert!(
        offered[0].label.contains("10:00 AM") && offered[0].label.ends_with("with Dr. Ana Rivera"),
        "{offered:?}"
    );
    assert!(
        offered.iter().all(|t| !t.label.contains(" 12:")),
        "nothing after noon"
    );
    let page = app.page(&format!("/book?type={kind}")).await;
    assert!(page.text("main").contains("Dr. Ana Rivera"));

    // A save made from the page as it was before is refused, and says so.
    let stale = save(
        &app,
        &admin.client,
        &form(&id, &version, "Someone Else", "Monday 10:00-12:00"),
    )
    .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    // A week that does not read is refused on its field.
    let next = (first.version + 1).to_string();
    let wrong = save(
        &app,
        &admin.client,
        &form(&id, &next, "Dr. Ana Rivera", "Mondays 9 to 5"),
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong
        .text()
        .await
        .unwrap_or_default()
        .contains("not a day of the week"));
    assert_eq!(
        app.count("SELECT COUNT(*) FROM practitioners WHERE name = 'Dr. Ana Rivera'")
            .await,
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'practitioner.save'")
            .await,
        1
    );

    // The front desk and editors may not.
    for role in [Role::FrontDesk, Role::Editor] {
        let staff = app.staff(role).await;
        let refused = save(
            &app,
            &staff.client,
            &form(&id, &next, "X", "Monday 10:00-12:00"),
        )
        .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{role:?}");
    }
}

#[tokio::test]
async fn a_closure_empties_its_days_until_it_is_removed_and_the_rules_are_checked() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin).await;
    let kind = type_id(&app, "chiropractic", "Follow-up").await;
    let day = a_wednesday_ahead();
    assert!(!free_times(&app, kind, day).await.is_empty());
    let date = day.to_string();
    let closed = app
        .call(
            &admin.client,
            "admin/add_time_off",
            &[
                ("practitioner", ""),
                ("first_day", &date),
                ("last_day", &date),
                ("note", "Holiday"),
            ],
        )
        .await;
    assert_eq!(closed.status(), StatusCode::OK);
    assert!(
        free_times(&app, kind, day).await.is_empty(),
        "closed: nothing offered"
    );
    let setup = setup_of(&app, &admin.client).await;
    let closure = setup
        .time_off
        .iter()
        .find(|t| t.first_day == date && t.who.is_none())
        .unwrap_or_else(|| panic!("{:?}", setup.time_off));
    let id = closure.id.to_string();
    let removed = app
        .call(&admin.client, "admin/remove_time_off", &[("id", &id)])
        .await;
    assert_eq!(removed.status(), StatusCode::OK);
    assert!(!free_times(&app, kind, day).await.is_empty());
    // Backwards days are refused, saying why.
    let backwards = app
        .call(
            &admin.client,
            "admin/add_time_off",
            &[
                ("practitioner", "1"),
                ("first_day", &date),
                ("last_day", "2020-01-01"),
            ],
        )
        .await;
    assert_eq!(backwards.status(), StatusCode::BAD_REQUEST);

    // The rules: a horizon of two days leaves a Wednesday a week out unbookable.
    let rules = |horizon: &'static str| {
        vec![
            ("rules[notice_minutes]", "120"),
            ("rules[horizon_days]", horizon),
            ("rules[cutoff_hours]", "24"),
            ("rules[reminder_hours]", "24"),
        ]
    };
    let refused = app
        .call(&admin.client, "admin/booking_rules", &rules("0"))
        .await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let saved = app
        .call(&admin.client, "admin/booking_rules", &rules("2"))
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    assert!(
        free_times(&app, kind, day).await.is_empty(),
        "past the horizon"
    );
    let front = app.staff(Role::FrontDesk).await;
    let refused = app
        .call(&front.client, "admin/booking_rules", &rules("60"))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_practitioners_photo_languages_and_bios_reach_the_patients_choice_in_each_language() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin).await;
    let first = setup_of(&app, &admin.client).await.practitioners[0].clone();
    let (id, version) = (
        first.id.unwrap_or_default().to_string(),
        first.version.to_string(),
    );
    let uploaded = app
        .upload(&admin.client, "image/jpeg", jpeg(1200, 1200))
        .await;
    assert_eq!(uploaded.status(), StatusCode::CREATED);
    let photo: StoredImage = uploaded.json().await.unwrap_or_else(|e| panic!("{e}"));
    let key = photo.key.as_str().to_owned();
    let week = "Monday 9:00-12:00\nWednesday 9:00-12:00";
    let mut with_photo = form(&id, &version, "Dr. Ana Rivera", week);
    with_photo.extend([
        ("draft[photo]", key.as_str()),
        ("draft[languages][1]", "Es"),
    ]);

    // A photo needs what it shows; a photo not stored is refused by name.
    let no_alt = save(&app, &admin.client, &with_photo).await;
    assert_eq!(no_alt.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_alt
        .text()
        .await
        .unwrap_or_default()
        .contains("Say what the photo shows"));
    let mut unknown = with_photo.clone();
    unknown.retain(|(k, _)| *k != "draft[photo]");
    unknown.extend([
        ("draft[photo]", "0123456789abcdef0123456789abcdef"),
        ("draft[photo_alt]", "Dr. Rivera"),
    ]);
    let gone = save(&app, &admin.client, &unknown).await;
    assert_eq!(gone.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(gone
        .text()
        .await
        .unwrap_or_default()
        .contains("no longer stored"));
    let mut no_language = form(&id, &version, "Dr. Ana Rivera", week);
    no_language.retain(|(k, _)| !k.starts_with("draft[languages]"));
    assert_eq!(
        save(&app, &admin.client, &no_language).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    with_photo.extend([
        ("draft[photo_alt]", "Dr. Rivera smiling, in a white coat"),
        ("draft[other_bios][0][locale]", "Es"),
        (
            "draft[other_bios][0][bio]",
            "Quiropráctica, quince años en Edison.",
        ),
    ]);
    let saved = save(&app, &admin.client, &with_photo).await;
    assert_eq!(saved.status(), StatusCode::OK);
    let reopened = setup_of(&app, &admin.client).await.practitioners[0].clone();
    assert_eq!(
        reopened.draft.photo.map(|k| k.as_str().to_owned()),
        Some(key.clone())
    );
    assert_eq!(reopened.draft.languages.len(), 2);

    let kind = type_id(&app, "chiropractic", "Follow-up").await;
    let english = app.page(&format!("/book?type={kind}")).await;
    assert!(
        english
            .text("main")
            .contains("Sees patients in English and Spanish"),
        "{}",
        english.text("main")
    );
    assert_eq!(
        english.attrs(".booking-choice-photo", "src"),
        [format!("/media/{key}-480.jpg")]
    );
    assert_eq!(
        english.attrs(".booking-choice-photo", "alt"),
        ["Dr. Rivera smiling, in a white coat"]
    );
    let spanish = app.page(&format!("/es/reservar?type={kind}")).await;
    let spanish = spanish.text("main");
    assert!(spanish.contains("Atiende en inglés y español"), "{spanish}");
    // Each page shows the bio in its language.
    assert!(
        spanish.contains("Quiropráctica, quince años en Edison."),
        "{spanish}"
    );
    assert!(english
        .text("main")
        .contains("Chiropractor, fifteen years in Edison."));
}

#[tokio::test]
async fn a_changed_day_offers_only_its_hours_until_the_usual_ones_are_restored() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin).await;
    let kind = type_id(&app, "chiropractic", "Follow-up").await;
    let day = a_wednesday_ahead();
    let date = day.to_string();
    let usual = free_times(&app, kind, day).await;
    assert_eq!(usual[0].clock, "9:00 AM");
    let id = setup_of(&app, &admin.client).await.practitioners[0]
        .id
        .unwrap_or_default()
        .to_string();
    let change = |hours: &'static str| {
        let (id, date) = (id.clone(), date.clone());
        let app = &app;
        let client = admin.client.clone();
        async move {
            app.call(
                &client,
                "admin/change_day",
                &[
                    ("practitioner", id.as_str()),
                    ("day", date.as_str()),
                    ("hours", hours),
                    ("note", "Conference in the morning"),
                ],
            )
            .await
        }
    };
    // Hours that do not read are refused, saying how to write them.
    let wrong = change("2pm to 4pm").await;
    assert_eq!(wrong.status(), StatusCode::BAD_REQUEST);
    assert!(wrong.text().await.unwrap_or_default().contains("start-end"));

    assert_eq!(change("14:00-15:00").await.status(), StatusCode::OK);
    let offered = free_times(&app, kind, day).await;
    let clocks: Vec<&str> = offered.iter().map(|t| t.clock.as_str()).collect();
    assert_eq!(clocks.first().copied(), Some("2:00 PM"), "{clocks:?}");
    assert!(clocks.iter().all(|c| c.starts_with("2:")), "{clocks:?}");
    // Given again, the day's hours replace the ones before.
    assert_eq!(change("8:00-9:00").await.status(), StatusCode::OK);
    let setup = setup_of(&app, &admin.client).await;
    assert_eq!(setup.changed_days.len(), 1, "{:?}", setup.changed_days);
    assert_eq!(setup.changed_days[0].hours, "8:00-9:00");
    assert_eq!(free_times(&app, kind, day).await[0].clock, "8:00 AM");

    // The front desk may not; the administrator restores the usual day.
    let front = app.staff(Role::FrontDesk).await;
    let restore = [("practitioner", id.as_str()), ("day", date.as_str())];
    assert_eq!(
        app.call(&front.client, "admin/restore_day", &restore)
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let restored = app.call(&admin.client, "admin/restore_day", &restore).await;
    assert_eq!(restored.status(), StatusCode::OK);
    assert_eq!(free_times(&app, kind, day).await, usual);
    let again = app.call(&admin.client, "admin/restore_day", &restore).await;
    assert_eq!(again.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'schedule.day_%'")
            .await,
        3
    );
}
