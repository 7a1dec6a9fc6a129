//! `server migrate-to-postgres`: a SQLite site, with the clinic's seeded
//! content, an imported WordPress export, an image, staff with second
//! factors and a patient's request, moves to PostgreSQL and works there.

use crate::operations::postgres::{config_on, fresh_database};
use crate::staff::admin::a_request;
use crate::support::helpers::{server_cli, spawn_sqlite_app, spawn_with};
use crate::support::media_helpers::jpeg;
use app::domain::media::StoredImage;
use app::domain::staff::Role;
use app::server::db::audit::{verify, Verified};
use reqwest::StatusCode;
use server::wordpress;

const EXPORT: &str = include_str!("../../fixtures/wordpress-export.xml");

#[tokio::test]
async fn a_sqlite_site_moves_to_postgresql_whole() {
    let source = spawn_sqlite_app().await;
    let items = wordpress::items(EXPORT).unwrap_or_else(|e| panic!("{e}"));
    let mut images = wordpress::Images::new(
        wordpress::Source::Off,
        app::server::media_store::MediaStore::Dir("unused-media".into()),
    );
    wordpress::import(&source.store, &items, true, &mut images, |_, _| {})
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let editor = source.staff(Role::Editor).await;
    let uploaded = source
        .upload(&editor.client, "image/jpeg", jpeg(1600, 900))
        .await;
    assert_eq!(uploaded.status(), StatusCode::CREATED);
    let image: StoredImage = uploaded.json().await.unwrap_or_else(|e| panic!("{e}"));
    let desk = source.staff(Role::FrontDesk).await;
    let reference = a_request(&source).await;
    let Verified::Intact { entries } = verify(&source.store)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
    else {
        panic!("the source's audit chain is whole")
    };

    let url = fresh_database("migrated").await;
    let (ok, out) = server_cli(source.dir.path(), &["migrate-to-postgres", &url]).await;
    assert!(ok, "{out}");
    for line in [
        "consultations: 1 rows",
        "staff: 2 rows",
        // The seed's Spanish.
        "service_translations: 5 rows",
        "clinic_translations: 1 rows",
        "give them this site's data key",
    ] {
        assert!(out.contains(line), "{line:?} in {out}");
    }

    // Servers on PostgreSQL, with the site's data key and images.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let target = spawn_with(dir, config_on(&url, source.dir.path())).await;
    for path in [
        "/articles/5-ways-that-acupuncture-helps-with-low-back-pain",
        "/articles/desk-stretches",
        "/es/servicios/acupuntura",
        &image.key.url(480),
    ] {
        assert_eq!(target.get(path).await.status(), StatusCode::OK, "{path}");
    }
    let old_address = target.get("/desk-stretches/").await;
    assert_eq!(
        old_address.status(),
        StatusCode::MOVED_PERMANENTLY,
        "WordPress address"
    );

    // The front desk signs in with its password and a recovery code, and
    // the request's sealed values open.
    let code = desk.recovery_codes[0].clone();
    let (browser, signed_in) = target.sign_in_with_code(&desk.email, &code).await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let request = target.read_request(&browser, &reference).await;
    assert_eq!(request["name"], "Ana Lima", "{request}");

    // New rows come after the copied ones.
    let next = a_request(&target).await;
    assert_eq!(
        target.read_request(&browser, &next).await["name"],
        "Ana Lima"
    );
    let Verified::Intact { entries: after } = verify(&target.store)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
    else {
        panic!("the copied audit chain is whole and goes on")
    };
    assert!(after > entries, "{after} entries after {entries}");

    let (again, out) = server_cli(source.dir.path(), &["migrate-to-postgres", &url]).await;
    assert!(!again, "a second copy into a site's database is refused");
    assert!(out.contains("already holds a site"), "{out}");
}
