//! Build steps of the app crate.
//!
//! `sqlx::migrate!` embeds the migrations at compile time: rebuild when one
//! is added or changed, not only when Rust code changes.
//!
//! The interface's message files (`locales/<code>.ftl`, one per language)
//! are checked here: each must parse, all must hold the same messages as
//! English's, and each message must take the same variables in all. A
//! message missing in one language fails the build. Their ids become the
//! `Msg` enum (`OUT_DIR/messages.rs`), so code naming a message that does
//! not exist fails to compile; the files themselves are listed for the
//! server (`OUT_DIR/message_files.rs`), so a new language's file is read
//! without naming it in code.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The language every other is checked against.
const FIRST: &str = "en";

/// A message's id and the variables its text uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn main() {
    println!("cargo:rerun-if-changed=../migrations");
    println!("cargo:rerun-if-changed=locales");
    let mut codes: Vec<String> = std::fs::read_dir("locales")
        .unwrap_or_else(|error| panic!("reading locales/: {error}"))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".ftl").map(str::to_owned))
        .collect();
    codes.sort_by_key(|code| (code != FIRST, code.clone()));
    let mut all: Vec<(&str, Messages)> = Vec::new();
    for locale in &codes {
        let path = format!("locales/{locale}.ftl");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|error| panic!("reading {path}: {error}"));
        all.push((locale, messages(&path, &text)));
    }
    let (first, reference) = &all[0];
    let mut problems = Vec::new();
    for (locale, messages) in &all[1..] {
        for (id, variables) in reference {
            match messages.get(id) {
                None => problems.push(format!("`{id}` is in {first}.ftl but not in {locale}.ftl")),
                Some(theirs) if theirs != variables => problems.push(format!(
                    "`{id}` uses {variables:?} in {first}.ftl but {theirs:?} in {locale}.ftl"
                )),
                Some(_) => {}
            }
        }
        for id in messages.keys().filter(|id| !reference.contains_key(*id)) {
            problems.push(format!("`{id}` is in {locale}.ftl but not in {first}.ftl"));
        }
    }
    if !problems.is_empty() {
        panic!("the message files disagree:\n  {}", problems.join("\n  "));
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("{e}")));
    std::fs::write(out.join("messages.rs"), generate(reference))
        .unwrap_or_else(|error| panic!("writing messages.rs: {error}"));
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|e| panic!("{e}"));
    let mut files = String::from(
        "/// Each language's message file, by its code (`app/locales/<code>.ftl`).\n\
         pub const MESSAGE_FILES: &[(&str, &str)] = &[\n",
    );
    for code in &codes {
        let _ = writeln!(
            files,
            "    ({code:?}, include_str!({:?})),",
            format!("{dir}/locales/{code}.ftl")
        );
    }
    files.push_str("];\n");
    std::fs::write(out.join("message_files.rs"), files)
        .unwrap_or_else(|error| panic!("writing message_files.rs: {error}"));
}

/// Every message of a file with the variables it uses; a file that does
/// not parse, or a message without a value, stops the build.
fn messages(path: &str, text: &str) -> Messages {
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(_, errors)| {
        panic!("{path} does not parse: {errors:?}");
    });
    let mut found = Messages::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let Some(value) = message.value else {
                panic!("{path}: `{}` has no text", message.id.name);
            };
            let mut variables = BTreeSet::new();
            for element in value.elements {
                if let ast::PatternElement::Placeable { expression } = element {
                    collect_variables(&expression, &mut variables);
                }
            }
            found.insert(message.id.name.to_owned(), variables);
        }
    }
    found
}

fn collect_variables(expression: &ast::Expression<&str>, into: &mut BTreeSet<String>) {
    let inline = match expression {
        ast::Expression::Inline(inline) => inline,
        ast::Expression::Select { selector, .. } => selector,
    };
    if let ast::InlineExpression::VariableReference { id } = inline {
        into.insert(id.name.to_owned());
    }
}

/// `Msg`: one variant per message id ("month-short-1" is `MonthShort1`).
fn generate(messages: &Messages) -> String {
    let variant = |id: &str| -> String {
        id.split('-')
            .map(|part| {
                let mut chars = part.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            })
            .collect()
    };
    let mut code = String::from(
        "/// A message of the interface, by its id in `app/locales/*.ftl`\n\
         /// (generated by `app/build.rs`, which checks both languages have it).\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\n\
         pub enum Msg {\n",
    );
    for id in messages.keys() {
        let _ = writeln!(code, "    {},", variant(id));
    }
    code.push_str("}\n\nimpl Msg {\n");
    let _ = writeln!(code, "    pub const ALL: [Msg; {}] = [", messages.len());
    for id in messages.keys() {
        let _ = writeln!(code, "        Msg::{},", variant(id));
    }
    code.push_str("    ];\n\n    /// The message's id in the files.\n    pub fn id(self) -> &'static str {\n        match self {\n");
    for id in messages.keys() {
        let _ = writeln!(code, "            Msg::{} => {id:?},", variant(id));
    }
    code.push_str("        }\n    }\n}\n");
    code
}
