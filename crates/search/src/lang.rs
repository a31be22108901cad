//! The portal's working languages: each has its own text field and analyser.

pub use klaster_refdata::Lang;
