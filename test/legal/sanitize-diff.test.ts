/** What a merchant may publish after editing a draft, and the difference shown before replacing a text. */
import { describe, expect, it } from "vitest";
import { hasMissingMarks, sanitizeLegalHtml } from "../../app/legal/sanitize-html";
import { diffTexts, textBlocks } from "../../app/legal/text-diff";

describe("sanitizeLegalHtml", () => {
  it("keeps the structure of a legal text and https links", () => {
    const html = `<h2>Titre</h2>\n<p>Un <strong>mot</strong> et <em>un autre</em><br>ligne</p><ul><li>a</li></ul><p><a href="https://www.cm2c.net/?a=1&amp;b=2">CM2C</a></p>`;
    expect(sanitizeLegalHtml(html)).toBe(html);
  });

  it("lets no script, attribute, event handler or other scheme through, however written", () => {
    const hostile = [
      `<script>alert(1)</script>`,
      `<p onclick="x()">a</p>`,
      `<img src=x onerror=alert(1)>`,
      `<a href="javascript:alert(1)">x</a>`,
      `<a href="https://ok.fr" onmouseover="x()">x</a>`,
      `<a href="https://a.fr/&quot;onmouseover=x()">x</a>`,
      `<svg><script>x</script></svg>`,
      `<P STYLE="x">a</P>`,
      `<iframe src="https://evil.example"></iframe>`,
      `<h2\n onclick=x>t</h2>`,
    ];
    for (const input of hostile) {
      const output = sanitizeLegalHtml(input);
      // Whatever stayed markup is one of the allowed bare tags or an https link.
      for (const tag of output.match(/<[^>]*>/g) ?? []) expect(tag, input).toMatch(/^<\/?(h[2-4]|p|ul|ol|li|strong|em|br|mark)>$|^<a href="https:\/\/[^"\s<>]+">$|^<\/a>$/);
    }
  });

  it("finds the marks a draft still holds", () => {
    expect(hasMissingMarks("<p>SIREN <mark>[à compléter : SIREN]</mark></p>")).toBe(true);
    expect(hasMissingMarks("<p>SIREN 812 345 676</p>")).toBe(false);
  });
});

describe("diffTexts", () => {
  it("shows what is kept, removed and added, block by block", () => {
    const before = "<h2>Retours</h2><p>Vous avez 14 jours.</p><p>Retours à nos frais.</p>";
    const after = "<h2>Retours</h2><p>Vous avez 14 jours.</p><p>Remboursement sous 14 jours.</p><h2>Formulaire</h2>";
    expect(diffTexts(before, after)).toEqual([
      { op: "same", text: "Retours" },
      { op: "same", text: "Vous avez 14 jours." },
      { op: "add", text: "Remboursement sous 14 jours." },
      { op: "add", text: "Formulaire" },
      { op: "remove", text: "Retours à nos frais." },
    ]);
  });

  it("treats a missing text as all added, and decodes entities", () => {
    expect(diffTexts("", "<p>L&#39;éditeur &amp; l&rsquo;hébergeur</p>")).toEqual([{ op: "add", text: "L'éditeur & l’hébergeur" }]);
    expect(textBlocks("<ul><li>a</li><li>b</li></ul>")).toEqual(["a", "b"]);
  });
});
