//! Images (SVG, PNG, PDF) drawn by Graphviz through `graphviz_rust::exec`.
//!
//! The graph is turned into DOT tuned for the chosen layout engine
//! ([`super::dot::DotOptions`]) and handed to the Graphviz `dot` program with `-K<layout>
//! -T<format>`. Graphviz must be installed (`apt-get install graphviz`, `brew install
//! graphviz`); when it is not, [`RenderError::GraphvizMissing`] says so.

use super::dot::{to_dot_with, DotOptions, Layout};
use crate::graph::ReportGraph;
use graphviz_rust::cmd::{CommandArg, Format as GvFormat, Layout as GvLayout};
use graphviz_rust::printer::PrinterContext;
use std::fmt;
use std::str::FromStr;

/// An image format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ImageFormat {
    /// Scalable vector graphics (tooltips show aliases and shared events).
    #[default]
    Svg,
    /// Portable network graphics.
    Png,
    /// PDF.
    Pdf,
}

impl ImageFormat {
    /// The format name, also the usual file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
            ImageFormat::Pdf => "pdf",
        }
    }

    /// Guesses the format from a file name's extension.
    pub fn from_path(path: &std::path::Path) -> Option<ImageFormat> {
        path.extension()?.to_str()?.parse().ok()
    }
}

impl fmt::Display for ImageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ImageFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<ImageFormat, String> {
        match s.to_ascii_lowercase().as_str() {
            "svg" => Ok(ImageFormat::Svg),
            "png" => Ok(ImageFormat::Png),
            "pdf" => Ok(ImageFormat::Pdf),
            _ => Err(format!(
                "unknown image format {s:?} (expected svg, png or pdf)"
            )),
        }
    }
}

/// Why an image could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The Graphviz `dot` program is not on the PATH.
    #[error(
        "Graphviz is not installed (the `dot` program was not found on PATH); install the \
         `graphviz` package: `apt-get install graphviz` (Debian, Ubuntu), `dnf install graphviz` \
         (Fedora), `brew install graphviz` (macOS), or see https://graphviz.org/download/"
    )]
    GraphvizMissing,
    /// Graphviz ran and failed.
    #[error("Graphviz failed: {0}")]
    Graphviz(String),
    /// Graphviz succeeded but produced nothing.
    #[error("Graphviz produced an empty {0} image")]
    Empty(ImageFormat),
}

/// Draws `g` with `layout` into an image of `format`; `clusters` groups nodes by event
/// (drawn by the `dot` and `fdp` layouts).
pub fn render(
    g: &ReportGraph,
    layout: Layout,
    format: ImageFormat,
    clusters: bool,
) -> Result<Vec<u8>, RenderError> {
    let opts = DotOptions {
        clusters,
        layout: Some(layout),
    };
    let graph = to_dot_with(g, &opts);
    let gv_layout = match layout {
        Layout::Dot => GvLayout::Dot,
        Layout::Neato => GvLayout::Neato,
        Layout::Sfdp => GvLayout::Sfdp,
        Layout::Fdp => GvLayout::Fdp,
        Layout::Circo => GvLayout::Circo,
    };
    let gv_format = match format {
        ImageFormat::Svg => GvFormat::Svg,
        ImageFormat::Png => GvFormat::Png,
        ImageFormat::Pdf => GvFormat::Pdf,
    };
    let mut ctx = PrinterContext::default();
    ctx.with_semi();
    let args = vec![CommandArg::Layout(gv_layout), CommandArg::Format(gv_format)];
    match graphviz_rust::exec(graph, &mut ctx, args) {
        Ok(bytes) if bytes.is_empty() => Err(RenderError::Empty(format)),
        Ok(bytes) => Ok(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(RenderError::GraphvizMissing),
        Err(e) => Err(RenderError::Graphviz(e.to_string().trim().to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names() {
        for f in [ImageFormat::Svg, ImageFormat::Png, ImageFormat::Pdf] {
            assert_eq!(f.as_str().parse::<ImageFormat>(), Ok(f));
        }
        assert_eq!(
            ImageFormat::from_path(std::path::Path::new("graphs/x.PNG")),
            Some(ImageFormat::Png)
        );
        assert!("jpeg".parse::<ImageFormat>().is_err());
    }

    #[test]
    fn missing_graphviz_names_the_package() {
        let msg = RenderError::GraphvizMissing.to_string();
        assert!(msg.contains("apt-get install graphviz"));
        assert!(msg.contains("brew install graphviz"));
    }
}
