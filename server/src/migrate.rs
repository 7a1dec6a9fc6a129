//! `server migrate-to-postgres URL`: copies a SQLite site's data into an
//! empty PostgreSQL database, in one transaction, and checks every table's
//! count. Patients' values are copied sealed, as they are: the PostgreSQL
//! servers need the same data key.

use anyhow::{bail, Context};
use app::server::db::{self, Db};
use sqlx::postgres::PgArguments;
use sqlx::sqlite::SqliteRow;
use sqlx::{Arguments, PgPool, Row, SqlitePool};

/// The tables copied, parents before children. Left out: the session
/// store (staff sign in again), the form's rate-limit counts and the
/// readiness probe's row, which are passing state, and the content
/// generation, which the target's own triggers advance.
const TABLES: &[&str] = &[
    "clinic",
    "clinic_translations",
    "social_links",
    "services",
    "service_translations",
    "categories",
    "category_translations",
    "staff",
    "articles",
    "article_translations",
    "article_revisions",
    "content_revisions",
    "consultations",
    "consultation_notes",
    "secrets",
    "sign_in_failures",
    "audit_log",
    "recovery_codes",
    "media",
    "redirects",
    "practitioners",
    "practitioner_services",
    "practitioner_translations",
    "appointment_types",
    "appointment_type_translations",
    "working_hours",
    "schedule_exceptions",
    "booking_rules",
    "appointments",
    // After both requests and appointments, which its rows belong to.
    "notifications",
];

/// Tables the target's migrations fill, emptied before the copy.
const FILLED_BY_MIGRATIONS: &[&str] = &["redirects", "category_translations", "booking_rules"];

/// Tables that must be empty in the target: it is a new site's database.
const MUST_BE_EMPTY: &[&str] = &["clinic", "staff", "articles", "consultations", "audit_log"];

/// How many rows each table held, and now holds, in the target.
pub struct Copied {
    pub tables: Vec<(&'static str, u64)>,
}

/// Copies the SQLite database `from` into the PostgreSQL database `to`.
pub async fn to_postgres(from: &str, to: &str) -> anyhow::Result<Copied> {
    if !from.starts_with("sqlite:") {
        bail!("DATABASE_URL must name the SQLite database to copy from (it is {from:?})");
    }
    if !(to.starts_with("postgres://") || to.starts_with("postgresql://")) {
        bail!("the target must be a postgres:// URL");
    }
    let Db::Sqlite(source) = db::connect(from).await? else {
        bail!("DATABASE_URL is not a SQLite database")
    };
    let Db::Postgres(target) = db::connect(to).await? else {
        bail!("the target is not a PostgreSQL database")
    };
    refuse_unless_empty(&target).await?;

    let mut tx = target.begin().await?;
    for table in FILLED_BY_MIGRATIONS {
        sqlx::query(&format!("DELETE FROM {table}"))
            .execute(&mut *tx)
            .await?;
    }
    let mut tables = Vec::new();
    for &table in TABLES {
        let columns = target_columns(&target, table).await?;
        let copied = copy_table(&source, &mut tx, table, &columns).await?;
        if columns.iter().any(|c| c.name == "id") {
            // Rows keep their ids; new ones must come after them.
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                               COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            ))
            .execute(&mut *tx)
            .await
            .with_context(|| format!("moving {table}'s id sequence past its rows"))?;
        }
        tables.push((table, copied));
    }
    tx.commit().await?;
    check_counts(&source, &target, &tables).await?;
    source.close().await;
    target.close().await;
    Ok(Copied { tables })
}

async fn refuse_unless_empty(target: &PgPool) -> anyhow::Result<()> {
    for table in MUST_BE_EMPTY {
        let rows: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(target)
            .await?;
        if rows > 0 {
            bail!(
                "the PostgreSQL database already holds a site ({table} has {rows} rows): \
                 copy into a new, empty database"
            );
        }
    }
    Ok(())
}

/// A column of the target table and how its values are read.
struct Column {
    name: String,
    kind: Kind,
}

#[derive(Clone, Copy)]
enum Kind {
    Integer,
    Boolean,
    Bytes,
    Text,
}

async fn target_columns(target: &PgPool, table: &str) -> anyhow::Result<Vec<Column>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT column_name::text, data_type::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
    )
    .bind(table)
    .fetch_all(target)
    .await?;
    rows.into_iter()
        .map(|(name, data_type)| {
            let kind = match data_type.as_str() {
                "bigint" | "integer" | "smallint" => Kind::Integer,
                "boolean" => Kind::Boolean,
                "bytea" => Kind::Bytes,
                "text" | "character varying" => Kind::Text,
                other => bail!("{table}.{name} has type {other}, which the copy does not know"),
            };
            Ok(Column { name, kind })
        })
        .collect()
}

/// Copies every row of `table`, in the source's order; returns how many.
async fn copy_table(
    source: &SqlitePool,
    tx: &mut sqlx::Transaction<'_, sqlx::Postgres>,
    table: &str,
    columns: &[Column],
) -> anyhow::Result<u64> {
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    let list = names.join(", ");
    let rows: Vec<SqliteRow> = sqlx::query(&format!("SELECT {list} FROM {table} ORDER BY rowid"))
        .fetch_all(source)
        .await
        .with_context(|| format!("reading {table} (do both schemas have the same columns?)"))?;
    let placeholders: Vec<String> = (1..=columns.len()).map(|n| format!("${n}")).collect();
    let insert = format!(
        "INSERT INTO {table} ({list}) VALUES ({})",
        placeholders.join(", ")
    );
    for row in &rows {
        let mut arguments = PgArguments::default();
        for (index, column) in columns.iter().enumerate() {
            add(&mut arguments, row, index, column)
                .with_context(|| format!("reading {table}.{}", column.name))?;
        }
        sqlx::query_with(&insert, arguments)
            .execute(&mut **tx)
            .await
            .with_context(|| format!("writing a row of {table}"))?;
    }
    Ok(rows.len() as u64)
}

/// Binds one source value as the target column's type.
fn add(
    arguments: &mut PgArguments,
    row: &SqliteRow,
    index: usize,
    column: &Column,
) -> anyhow::Result<()> {
    let added = match column.kind {
        Kind::Integer => arguments.add(row.try_get::<Option<i64>, _>(index)?),
        Kind::Boolean => arguments.add(row.try_get::<Option<bool>, _>(index)?),
        Kind::Bytes => arguments.add(row.try_get::<Option<Vec<u8>>, _>(index)?),
        Kind::Text => arguments.add(row.try_get::<Option<String>, _>(index)?),
    };
    added.map_err(|e| anyhow::anyhow!("{e}"))
}

/// Every table holds in the target what it holds in the source.
async fn check_counts(
    source: &SqlitePool,
    target: &PgPool,
    tables: &[(&str, u64)],
) -> anyhow::Result<()> {
    for (table, copied) in tables {
        let count = format!("SELECT COUNT(*) FROM {table}");
        let before: i64 = sqlx::query_scalar(&count).fetch_one(source).await?;
        let after: i64 = sqlx::query_scalar(&count).fetch_one(target).await?;
        if before != after || u64::try_from(after).ok() != Some(*copied) {
            bail!("{table}: {before} rows in SQLite, {after} in PostgreSQL after the copy");
        }
    }
    Ok(())
}
