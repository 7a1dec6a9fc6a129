//! The PostgreSQL schema keeps step with SQLite's: the same tables, the
//! same columns, the same ones nullable, applied by sqlx's migrator to a
//! real PostgreSQL server (the test command starts one: `.ci/postgres`).

use sqlx::{Connection, Row};
use std::collections::BTreeMap;

/// The URL of the PostgreSQL server the test command started.
pub fn postgres_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!("TEST_POSTGRES_URL is not set: run the README's test command (./.ci/test), which starts PostgreSQL with .ci/postgres")
    })
}

/// Table -> column -> nullable, without sqlx's own bookkeeping.
type Columns = BTreeMap<String, BTreeMap<String, bool>>;

async fn sqlite_columns() -> Columns {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = crate::support::helpers::open_sqlite(dir.path()).await;
    let rows = sqlx::query(
        "SELECT m.name AS table_name, c.name AS column_name, c.\"notnull\" AS not_null, c.pk AS pk
         FROM sqlite_master m JOIN pragma_table_info(m.name) c
         WHERE m.type = 'table' AND m.name NOT LIKE '\\_sqlx%' ESCAPE '\\' AND m.name NOT LIKE 'sqlite%'",
    )
    .fetch_all(&db)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let mut columns = Columns::new();
    for row in rows {
        let (table, column): (String, String) = (row.get("table_name"), row.get("column_name"));
        // SQLite lets an INTEGER PRIMARY KEY be NULL on paper; it never is.
        let nullable = row.get::<i64, _>("not_null") == 0 && row.get::<i64, _>("pk") == 0;
        columns.entry(table).or_default().insert(column, nullable);
    }
    columns
}

async fn postgres_columns(url: &str) -> Columns {
    let pool = sqlx::PgPool::connect(url)
        .await
        .unwrap_or_else(|e| panic!("{url}: {e}"));
    app::server::db::POSTGRES_MIGRATIONS
        .run(&pool)
        .await
        .unwrap_or_else(|e| panic!("the PostgreSQL migrations: {e}"));
    let rows = sqlx::query(
        "SELECT table_name::text, column_name::text, is_nullable = 'YES' AS nullable
         FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name NOT LIKE '\\_sqlx%'",
    )
    .fetch_all(&pool)
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    pool.close().await;
    let mut columns = Columns::new();
    for row in rows {
        columns
            .entry(row.get("table_name"))
            .or_default()
            .insert(row.get("column_name"), row.get("nullable"));
    }
    columns
}

#[tokio::test]
async fn the_postgresql_schema_has_the_tables_and_columns_of_sqlites() {
    let server = postgres_url();
    let name = format!("schema_{}", std::process::id());
    let mut admin = sqlx::PgConnection::connect(&server)
        .await
        .unwrap_or_else(|e| panic!("{server}: {e}"));
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
        .execute(&mut admin)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let url = format!(
        "{}/{name}",
        server
            .rsplit_once('/')
            .map_or(server.as_str(), |(base, _)| base)
    );

    let (sqlite, postgres) = (sqlite_columns().await, postgres_columns(&url).await);
    assert_eq!(
        sqlite.keys().collect::<Vec<_>>(),
        postgres.keys().collect::<Vec<_>>(),
        "the same tables"
    );
    for (table, columns) in &sqlite {
        assert_eq!(Some(columns), postgres.get(table), "the columns of {table}");
    }
    sqlx::query(&format!("DROP DATABASE {name}"))
        .execute(&mut admin)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}
