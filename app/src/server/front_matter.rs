//! The seed's Markdown files open with a `---` block of `key: value` lines.

use std::collections::HashMap;

pub struct Document<'a> {
    fields: HashMap<&'a str, &'a str>,
    pub body: &'a str,
    name: &'a str,
}

impl<'a> Document<'a> {
    pub fn parse(name: &'a str, text: &'a str) -> anyhow::Result<Self> {
        let rest = text
            .strip_prefix("---\n")
            .ok_or_else(|| anyhow::anyhow!("{name}: must start with a --- line"))?;
        let (head, body) = rest
            .split_once("\n---\n")
            .ok_or_else(|| anyhow::anyhow!("{name}: front matter has no closing --- line"))?;
        let mut fields = HashMap::new();
        for line in head.lines().filter(|l| !l.trim().is_empty()) {
            let (key, value) = line
                .split_once(':')
                .ok_or_else(|| anyhow::anyhow!("{name}: {line:?} is not `key: value`"))?;
            fields.insert(key.trim(), value.trim());
        }
        Ok(Self {
            fields,
            body: body.trim_start_matches('\n'),
            name,
        })
    }

    pub fn get(&self, key: &str) -> anyhow::Result<&'a str> {
        self.fields
            .get(key)
            .copied()
            .ok_or_else(|| anyhow::anyhow!("{}: front matter lacks `{key}`", self.name))
    }

    pub fn optional(&self, key: &str) -> Option<&'a str> {
        self.fields.get(key).copied()
    }
}
