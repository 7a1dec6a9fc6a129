//! The appointment types' editor (administrators): a type's length, names
//! and mode change what patients are offered at once, in both languages;
//! a wrong field or an older version changes nothing and says why.

use crate::patients::booking::{a_wednesday_ahead, free_times, type_id};
use crate::support::helpers::{spawn_app, TestApp};
use app::domain::appointment_type_draft::TypeSetup;
use app::domain::staff::Role;
use reqwest::StatusCode;

async fn setup_of(app: &TestApp, client: &reqwest::Client) -> TypeSetup {
    let response = app.call(client, "admin/appointment_types", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap_or_else(|e| panic!("{e}"))
}

/// A type as the editor's form sends it.
fn type_form<'a>(
    id: &'a str,
    version: &'a str,
    service: &'a str,
    names: (&'a str, &'a str),
    minutes: &'a str,
    mode: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("id", id),
        ("version", version),
        ("draft[service]", service),
        ("draft[name]", names.0),
        ("draft[other_names][0][locale]", "Es"),
        ("draft[other_names][0][name]", names.1),
        ("draft[minutes]", minutes),
        ("draft[before]", "0"),
        ("draft[after]", "10"),
        ("draft[patients]", "both"),
        ("draft[mode]", mode),
        ("draft[active]", "true"),
    ]
}

#[tokio::test]
async fn an_administrator_changes_a_types_length_names_and_mode_and_patients_see_it_at_once() {
    let app = spawn_app().await;
    let admin = app.staff(Role::Admin).await;
    let kind = type_id(&app, "chiropractic", "Follow-up").await;
    let setup = setup_of(&app, &admin.client).await;
    let follow_up = setup
        .types
        .iter()
        .find(|t| t.id == Some(kind))
        .unwrap_or_else(|| panic!("{setup:?}"));
    assert_eq!(follow_up.draft.minutes, "30");
    assert_eq!(follow_up.draft.other_names[0].name, "Visita de seguimiento");
    let (id, version) = (kind.to_string(), follow_up.version.to_string());

    let saved = app
        .call(
            &admin.client,
            "admin/save_appointment_type",
            &type_form(
                &id,
                &version,
                "chiropractic",
                ("Adjustment", "Ajuste"),
                "45",
                "request",
            ),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let day = a_wednesday_ahead();
    let offered = free_times(&app, kind, day).await;
    assert!(
        offered[0].label.contains("45 minutes"),
        "{}",
        offered[0].label
    );
    let english = app.page("/book?service=chiropractic").await.text("main");
    assert!(english.contains("Adjustment"), "{english}");
    assert!(!english.contains("Follow-up"), "{english}");
    let spanish = app
        .page("/es/reservar?service=chiropractic")
        .await
        .text("main");
    assert!(spanish.contains("Ajuste"), "{spanish}");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM appointment_types WHERE id = {kind} AND mode = 'request'"
        ))
        .await,
        1
    );

    // A save from the page as it was before is refused; so is a wrong length
    // or a missing Spanish name, each on its field, and nothing changes.
    let stale = app
        .call(
            &admin.client,
            "admin/save_appointment_type",
            &type_form(&id, &version, "chiropractic", ("X", "X"), "30", "instant"),
        )
        .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let next = (follow_up.version + 1).to_string();
    let wrong = app
        .call(
            &admin.client,
            "admin/save_appointment_type",
            &type_form(
                &id,
                &next,
                "chiropractic",
                ("Adjustment", " "),
                "7",
                "instant",
            ),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let said = wrong.text().await.unwrap_or_default();
    assert!(
        said.contains("multiple of 5") && said.contains("in Spanish"),
        "{said}"
    );
    let unknown = app
        .call(
            &admin.client,
            "admin/save_appointment_type",
            &type_form(
                &id,
                &next,
                "astrology",
                ("Adjustment", "Ajuste"),
                "30",
                "instant",
            ),
        )
        .await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count(&format!(
            "SELECT duration_minutes FROM appointment_types WHERE id = {kind}"
        ))
        .await,
        45
    );

    // A new type is offered with its service; switched off, it is not.
    let added = app
        .call(
            &admin.client,
            "admin/save_appointment_type",
            &type_form(
                "",
                "0",
                "chiropractic",
                ("Posture check", "Revisión de postura"),
                "20",
                "instant",
            ),
        )
        .await;
    assert_eq!(added.status(), StatusCode::OK);
    let new_kind = type_id(&app, "chiropractic", "Posture check").await;
    assert!(!free_times(&app, new_kind, day).await.is_empty());
    let mut off = type_form(
        &new_kind.to_string(),
        "1",
        "chiropractic",
        ("Posture check", "Revisión de postura"),
        "20",
        "instant",
    )
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect::<Vec<_>>();
    off.retain(|(k, _)| k != "draft[active]");
    let off: Vec<(&str, &str)> = off.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let saved = app
        .call(&admin.client, "admin/save_appointment_type", &off)
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let page = app.page("/book?service=chiropractic").await.text("main");
    assert!(!page.contains("Posture check"), "{page}");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE action = 'appointment_type.save'")
            .await,
        3
    );

    // The front desk and editors may not read or change types.
    for role in [Role::FrontDesk, Role::Editor] {
        let staff = app.staff(role).await;
        let read = app
            .call(&staff.client, "admin/appointment_types", &[])
            .await;
        assert_eq!(read.status(), StatusCode::FORBIDDEN, "{role:?}");
    }
}
