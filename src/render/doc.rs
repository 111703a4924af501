//! What a report says, before it is laid out: headlines, parts, titles, tables and lines of
//! prose, each piece of text with its tone and shape. The terminal and Markdown backends
//! turn the same document into text.

use crate::text::clean;
use crate::vocab::Reading;

/// What a piece of text means, which decides its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Good,
    Bad,
    Attention,
    Empty,
    Heading,
}

impl From<Reading> for Tone {
    fn from(reading: Reading) -> Tone {
        match reading {
            Reading::Good => Tone::Good,
            Reading::Bad => Tone::Bad,
            Reading::Attention => Tone::Attention,
        }
    }
}

/// How text gives way when space is short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Wraps at word boundaries.
    Words,
    /// A code such as `DOC_EXPIRED`: a code span in Markdown.
    Code,
    /// A link: shortened in the middle on a terminal, an autolink in Markdown.
    Link,
    /// A path or a command a person copies: never broken. In a table column too narrow for
    /// it, the cell points below its row, where the text is set whole on a line of its own.
    Whole,
}

/// A cell's or span's text, tone and shape. The text is already safe for a terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    pub tone: Tone,
    pub shape: Shape,
}

impl Text {
    pub fn new(text: impl Into<String>, tone: Tone) -> Text {
        Text {
            text: text.into(),
            tone,
            shape: Shape::Words,
        }
    }

    pub fn plain(text: impl Into<String>) -> Text {
        Text::new(text, Tone::Plain)
    }

    pub fn null() -> Text {
        Text::new(NULL, Tone::Empty)
    }

    /// A code, coloured by what it means.
    pub fn code(text: impl Into<String>, tone: Tone) -> Text {
        Text {
            shape: Shape::Code,
            ..Text::new(text, tone)
        }
    }

    /// A path or a command, set whole.
    pub fn whole(text: impl Into<String>) -> Text {
        Text {
            shape: Shape::Whole,
            ..Text::plain(text)
        }
    }

    pub fn link(text: impl Into<String>) -> Text {
        Text {
            shape: Shape::Link,
            ..Text::plain(text)
        }
    }
}

/// How `null` (and a missing field) shows.
pub const NULL: &str = "—";

/// A table. The header names its columns in Markdown always, on a terminal only when shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub header: Vec<String>,
    pub show_header: bool,
    pub rows: Vec<Vec<Text>>,
    /// Spaces before each line on a terminal.
    pub indent: usize,
}

/// How a line of prose is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A paragraph of its own, at the margin.
    Lead,
    /// A paragraph under the title before it.
    Body,
    /// An item of a list.
    Item,
    /// A line under the item before it (its next step).
    Under,
}

/// A line of prose: spans of text, wrapped to the width with its indent kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub role: Role,
    pub spans: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The one line that answers first.
    Headline(Vec<Text>),
    /// A part of a report of several (`case`, `webhook show`).
    Part(String),
    /// The title of a section.
    Title(String),
    Table(Grid),
    /// Lines of prose, indented under the title before them.
    Lines(Vec<Line>),
    /// An empty line on a terminal; Markdown separates every block anyway.
    Gap,
}

/// A document: blocks in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn new() -> Doc {
        Doc::default()
    }

    pub fn push(&mut self, block: Block) -> &mut Doc {
        self.blocks.push(block);
        self
    }

    /// Appends another document, with an empty line between them when both have content.
    pub fn append(&mut self, other: Doc) -> &mut Doc {
        if !self.blocks.is_empty() && !other.blocks.is_empty() {
            self.blocks.push(Block::Gap);
        }
        self.blocks.extend(other.blocks);
        self
    }

    /// A table with its header shown.
    pub fn table(&mut self, header: &[&str], rows: Vec<Vec<Text>>) -> &mut Doc {
        self.push(Block::Table(Grid {
            header: names(header),
            show_header: true,
            rows,
            indent: 0,
        }))
    }

    /// Label-and-value rows, whose header shows only in Markdown.
    pub fn fields(&mut self, header: &[&str], rows: Vec<Vec<Text>>) -> &mut Doc {
        self.push(Block::Table(Grid {
            header: names(header),
            show_header: false,
            rows,
            indent: 0,
        }))
    }

    /// A titled section of label-and-value rows, indented under the title.
    pub fn section(&mut self, title: &str, header: &[&str], rows: Vec<Vec<Text>>) -> &mut Doc {
        self.push(Block::Title(title.to_string()));
        self.push(Block::Table(Grid {
            header: names(header),
            show_header: false,
            rows,
            indent: 2,
        }))
    }

    /// One line of prose.
    pub fn line(&mut self, spans: Vec<Text>) -> &mut Doc {
        self.push(Block::Lines(vec![Line {
            role: Role::Lead,
            spans,
        }]))
    }

    pub fn gap(&mut self) -> &mut Doc {
        self.push(Block::Gap)
    }

    /// The same document with every piece of text safe for a terminal (controls and
    /// bidirectional overrides escaped), whoever built it and from what.
    pub fn cleaned(&self) -> Doc {
        let text = |t: &Text| Text {
            text: clean(&t.text).into_owned(),
            ..t.clone()
        };
        let spans = |spans: &[Text]| spans.iter().map(text).collect::<Vec<_>>();
        let blocks = self.blocks.iter().map(|block| match block {
            Block::Headline(line) => Block::Headline(spans(line)),
            Block::Part(title) => Block::Part(clean(title).into_owned()),
            Block::Title(title) => Block::Title(clean(title).into_owned()),
            Block::Table(grid) => Block::Table(Grid {
                header: grid.header.iter().map(|h| clean(h).into_owned()).collect(),
                rows: grid.rows.iter().map(|row| spans(row)).collect(),
                ..grid.clone()
            }),
            Block::Lines(lines) => Block::Lines(
                lines
                    .iter()
                    .map(|line| Line {
                        role: line.role,
                        spans: spans(&line.spans),
                    })
                    .collect(),
            ),
            Block::Gap => Block::Gap,
        });
        Doc {
            blocks: blocks.collect(),
        }
    }
}

fn names(header: &[&str]) -> Vec<String> {
    header.iter().map(|name| name.to_string()).collect()
}
