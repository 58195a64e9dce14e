/** The pages of a well-kept French fixture storefront (what a good shop serves). */
const FOOTER = `<footer class="footer" role="contentinfo">
  <ul class="list-payment"><li><svg aria-labelledby="pi-visa"><title id="pi-visa">Visa</title></svg></li></ul>
  <a href="/policies/legal-notice">Mentions légales</a> <a href="/policies/terms-of-sale">CGV</a>
  <a href="/policies/privacy-policy">Confidentialité</a> <a href="/pages/accessibilite">Déclaration d'accessibilité</a>
  <a href="https://www.instagram.com/atelierlumiere">Instagram</a> <a href="tel:+33478000000">04 78 00 00 00</a>
</footer>`;

const page = (title: string, main: string, head = "") => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title>
<script src="https://static.axept.io/sdk.js" integrity="sha384-abc" crossorigin="anonymous"></script>${head}</head>
<body><header><a href="/">Atelier Lumière</a></header><main>${main}</main>${FOOTER}</body></html>`;

export const GOOD_PAGES = {
  home: page("Accueil", `<h1>Bougies et céramiques</h1><a href="/products/bougie-figue">Bougie figue</a> <img src="https://cdn.example/hero.jpg" alt="">`),
  product: page(
    "Bougie figue",
    `<h1>Bougie figue</h1><p>29,00 € TTC — expédiée sous 2 jours, livraison en 2 à 3 jours ouvrés.</p><p>Fabricant : Atelier Lumière, 69001 Lyon.</p>`,
    `<script type="application/ld+json">{"@type":"Product","offers":{"price":"29.00","availability":"https://schema.org/InStock"},"aggregateRating":{"ratingValue":"4.8","reviewCount":"31"}}</script>`,
  ),
  cart: page("Panier", `<form action="/cart" method="post"><label><input type="checkbox" name="gift"> Emballage cadeau (+3 €)</label></form>`),
  contact: page("Contact", `<form method="post" action="/contact#contact_form"><input type="hidden" name="form_type" value="contact"><input type="email" name="contact[email]"><textarea name="contact[body]"></textarea></form><p>Du mardi au samedi, de 10 h à 18 h.</p>`),
};

export const GOOD_HEADERS = {
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "Content-Security-Policy": "default-src 'self'; script-src 'self' https://static.axept.io; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Set-Cookie": "cart_session=abc; Secure; HttpOnly; SameSite=Lax; Path=/",
};
