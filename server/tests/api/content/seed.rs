use crate::support::helpers::{spawn_app_in, spawn_sqlite_app};

#[tokio::test]
async fn a_restart_keeps_content_and_never_seeds_twice() {
    let first = spawn_sqlite_app().await;
    app::on_pool!(&first.store, c => sqlx::query("UPDATE clinic SET tagline = 'Edited by staff.'")
        .execute(c).await.map(|done| done.rows_affected()))
    .unwrap_or_else(|e| panic!("{e}"));
    let dir = first.dir;
    let second = spawn_app_in(dir).await;
    let count: i64 =
        app::on_pool!(&second.store, c => sqlx::query_scalar("SELECT COUNT(*) FROM articles")
        .fetch_one(c).await)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(count, 1, "the seeded article exists once");
    let services: i64 =
        app::on_pool!(&second.store, c => sqlx::query_scalar("SELECT COUNT(*) FROM services")
        .fetch_one(c).await)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(services, 5);
    let page = second.page("/about").await;
    assert!(
        page.text("main").contains("Edited by staff."),
        "staff edits survive a restart"
    );
}
