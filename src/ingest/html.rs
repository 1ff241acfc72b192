//! Saved web pages to plain text, through a real HTML parser (`scraper`, on html5ever).
//!
//! What is dropped: `<head>`, scripts, styles, forms, navigation (`<nav>`, `role=navigation`
//! …), `<aside>`, footers, page headers (a `<header>` outside the article), and elements
//! whose class or id names site furniture (sidebar, widget, comments, related posts,
//! share buttons, breadcrumbs, cookie notices …). When the page marks its article (one
//! `<main>`, or one `<article>`), only that is kept, plus the page's first `<h1>` if it lies
//! outside. Block structure becomes line breaks: paragraphs and headings are separated by
//! blank lines, list items become `- item` lines, `<br>` a line break, table cells are
//! separated by tabs. What site furniture remains after the article ("Recent Stories" …)
//! is cut by the cleaning stage ([`crate::text::clean`]).

use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::{Html, Node};

/// Elements dropped with everything inside them.
const DROP_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "aside", "form", "iframe", "svg", "math", "canvas",
    "button", "select", "textarea", "input", "label", "object", "embed", "video", "audio", "map", "dialog",
    "footer", "menu",
];

/// ARIA roles of site furniture.
const DROP_ROLES: &[&str] = &["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert"];

/// Class or id prefixes of site furniture (matched against each class name and the id,
/// lower-cased).
const DROP_CLASS_PREFIXES: &[&str] = &[
    "sidebar", "widget", "comment", "related", "share", "sharing", "sharedaddy", "social", "breadcrumb", "cookie",
    "newsletter", "subscribe", "advert", "ad-", "ads-", "promo", "popup", "modal", "navbar", "menu", "skip-link",
    "screen-reader", "sr-only", "visually-hidden", "post-navigation", "nav-links", "pagination", "author-box",
    "tags", "tag-links", "cat-links", "jp-relatedposts", "yarpp", "print-", "site-header", "site-footer",
];

/// Elements never dropped for their class or id (the page or the article itself).
const KEEP_ALWAYS: &[&str] = &["html", "body", "main", "article"];

/// Block elements separated from their neighbours by a blank line.
const PARAGRAPH_TAGS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "figure", "address",
    "hr", "header", "section", "article", "main", "details", "summary", "fieldset", "center",
];

/// Block elements that start a new line.
const LINE_TAGS: &[&str] = &["div", "li", "tr", "dt", "dd", "figcaption", "caption", "br", "option", "legend", "body"];

/// Extracts the article text of an HTML page.
pub fn html_to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let root = doc.tree.root();
    let article = article_root(root);
    let strict = render(article, true);
    // the class filter may have been too eager (a wrapper called "comments-open"): when it
    // removed nearly everything, do without it
    let text = if strict.trim().len() < 200 {
        let loose = render(article, false);
        if strict.trim().len() * 4 < loose.trim().len() {
            loose
        } else {
            strict
        }
    } else {
        strict
    };
    if article.id() != root.id() {
        if let Some(h1) = first(root, |e| e.name() == "h1") {
            if !h1.ancestors().any(|a| a.id() == article.id()) {
                let title = render(h1, false);
                if !title.trim().is_empty() && !text.contains(title.trim()) {
                    return format!("{}\n\n{}", title.trim(), text);
                }
            }
        }
    }
    text
}

fn element<'a>(n: &NodeRef<'a, Node>) -> Option<&'a scraper::node::Element> {
    n.value().as_element()
}

/// The first element (document order) matching `f`.
fn first<'a>(root: NodeRef<'a, Node>, f: impl Fn(&scraper::node::Element) -> bool) -> Option<NodeRef<'a, Node>> {
    root.descendants().find(|n| element(n).is_some_and(&f))
}

/// The page's single `<main>` (or `role=main`), else its single `<article>`, else the root.
fn article_root(root: NodeRef<'_, Node>) -> NodeRef<'_, Node> {
    let all = |f: &dyn Fn(&scraper::node::Element) -> bool| -> Vec<NodeRef<'_, Node>> {
        root.descendants().filter(|n| element(n).is_some_and(f)).collect()
    };
    let mains = all(&|e| e.name() == "main" || e.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("main")));
    if mains.len() == 1 {
        return mains[0];
    }
    let articles = all(&|e| e.name() == "article");
    if articles.len() == 1 {
        return articles[0];
    }
    root
}

fn dropped(n: &NodeRef<'_, Node>, e: &scraper::node::Element, by_class: bool) -> bool {
    let name = e.name();
    if DROP_TAGS.contains(&name) {
        return true;
    }
    if name == "header" && !n.ancestors().any(|a| element(&a).is_some_and(|p| matches!(p.name(), "article" | "main"))) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return true;
    }
    if e.attr("role").is_some_and(|r| DROP_ROLES.iter().any(|d| r.eq_ignore_ascii_case(d))) {
        return true;
    }
    if by_class && !KEEP_ALWAYS.contains(&name) {
        let furniture = |s: &str| {
            let s = s.to_ascii_lowercase();
            DROP_CLASS_PREFIXES.iter().any(|p| s.starts_with(p))
        };
        if e.classes().any(furniture) || e.id().is_some_and(furniture) {
            return true;
        }
    }
    false
}

/// Text of the subtree at `top`, blocks as lines.
fn render(top: NodeRef<'_, Node>, by_class: bool) -> String {
    let mut out = Out::default();
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut pre = 0usize;
    for edge in top.traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Text(t) => out.text(t, pre > 0),
                    Node::Element(e) => {
                        if dropped(&n, e, by_class) {
                            skip = Some(n.id());
                            continue;
                        }
                        let name = e.name();
                        if PARAGRAPH_TAGS.contains(&name) {
                            out.blank_line();
                        } else if LINE_TAGS.contains(&name) {
                            out.newline();
                        } else if matches!(name, "td" | "th") {
                            out.cell();
                        } else if name == "img" {
                            // images carry no article text; their alt text is usually a caption
                        }
                        if name == "li" {
                            out.bullet();
                        }
                        if name == "pre" {
                            pre += 1;
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if let Some(id) = skip {
                    if id == n.id() {
                        skip = None;
                    }
                    continue;
                }
                if let Node::Element(e) = n.value() {
                    let name = e.name();
                    if PARAGRAPH_TAGS.contains(&name) {
                        out.blank_line();
                    } else if LINE_TAGS.contains(&name) && name != "br" {
                        out.newline();
                    }
                    if name == "pre" {
                        pre = pre.saturating_sub(1);
                    }
                }
            }
        }
    }
    out.finish()
}

/// The text being written: whitespace collapsed, at most one blank line in a row.
#[derive(Default)]
struct Out {
    s: String,
    /// Newlines owed before the next text (1: line break, 2: blank line).
    owed: usize,
    /// A space owed before the next text.
    space: bool,
    /// Text before the next text on the same line (`- ` of a list item).
    prefix: &'static str,
}

impl Out {
    fn newline(&mut self) {
        self.owed = self.owed.max(1);
        self.space = false;
    }
    fn blank_line(&mut self) {
        self.owed = 2;
        self.space = false;
    }
    fn bullet(&mut self) {
        self.prefix = "- ";
    }
    fn cell(&mut self) {
        if !self.s.is_empty() && self.owed == 0 && !self.s.ends_with('\n') {
            self.s.push('\t');
            self.space = false;
        }
    }
    fn start_text(&mut self) {
        if !self.s.is_empty() {
            for _ in 0..self.owed {
                self.s.push('\n');
            }
        }
        if self.owed > 0 || self.s.is_empty() {
            self.space = false;
        }
        self.owed = 0;
        if !self.prefix.is_empty() {
            self.s.push_str(self.prefix);
            self.prefix = "";
            self.space = false;
        }
        if self.space {
            self.s.push(' ');
            self.space = false;
        }
    }
    fn text(&mut self, t: &str, pre: bool) {
        if pre {
            for (i, line) in t.split('\n').enumerate() {
                if i > 0 {
                    self.newline();
                }
                let line = line.trim_end();
                if !line.trim().is_empty() {
                    self.start_text();
                    self.s.push_str(line.trim_start());
                }
            }
            return;
        }
        let mut words = t.split(|c: char| c.is_whitespace() && c != '\u{A0}').filter(|w| !w.is_empty()).peekable();
        if t.starts_with(|c: char| c.is_whitespace() && c != '\u{A0}') {
            self.space = true;
        }
        if words.peek().is_none() {
            return;
        }
        while let Some(w) = words.next() {
            self.start_text();
            self.s.push_str(w);
            if words.peek().is_some() {
                self.space = true;
            }
        }
        if t.ends_with(|c: char| c.is_whitespace() && c != '\u{A0}') {
            self.space = true;
        }
    }
    fn finish(mut self) -> String {
        while self.s.ends_with(char::is_whitespace) {
            self.s.pop();
        }
        self.s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_without_furniture() {
        let page = r#"<!DOCTYPE html><html><head><title>Seminar | Site</title><style>p{}</style>
<script>var x = "<p>not text</p>";</script></head>
<body class="post comments-open">
<header class="site-header"><a href="/">Home</a> <a href="/about">About us</a></header>
<nav><ul><li>Menu item</li></ul></nav>
<h1>Seminar on Water &amp; Peace</h1>
<main>
<p>The seminar was <b>chaired</b> by Dr.&nbsp;Jane Roe,
   President of the Institute.</p>
<h2>Speakers</h2>
<ul><li>Prof. A. Khan, University of X</li><li>Ms. B. Lee</li></ul>
<p>Line one<br>Line two</p>
<div class="share-buttons">Share on Facebook</div>
<table><tr><td>Name</td><td>Role</td></tr></table>
</main>
<aside><h3>Recent Stories</h3><p>PSL match</p></aside>
<div id="comments"><form><input value="x"></form><p>Leave a reply</p></div>
<footer>© 2024</footer>
</body></html>"#;
        let t = html_to_text(page);
        assert_eq!(
            t,
            "Seminar on Water & Peace\n\nThe seminar was chaired by Dr.\u{A0}Jane Roe, President of the Institute.\n\nSpeakers\n\n- Prof. A. Khan, University of X\n- Ms. B. Lee\n\nLine one\nLine two\n\nName\tRole"
        );
    }

    #[test]
    fn whole_body_when_no_article_marked() {
        let t = html_to_text("<p>One <i>two</i></p><div>Three</div><pre>a\n  b</pre>");
        assert_eq!(t, "One two\n\nThree\n\na\nb");
    }

    #[test]
    fn hostile_markup_does_not_panic() {
        let deep = "<div>".repeat(50_000) + "deep" + &"</div>".repeat(50_000);
        assert_eq!(html_to_text(&deep), "deep");
        for s in ["", "<", "<<>>&&;", "<p>\u{202E}RTL \u{1F600}</p>", "<![CDATA[x]]>", "<svg><p>x</svg>", "</br>"] {
            let _ = html_to_text(s);
        }
    }
}
