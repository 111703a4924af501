//! What `status`, `data`, `files`, `find` and `explain` show: pure functions from responses
//! to documents, also used by `case` and `webhook show`.

pub mod data;
pub mod explain;
pub mod files;
pub mod find;
pub mod screening;
pub mod status;
