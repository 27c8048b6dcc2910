// Small helpers to build the page from data without innerHTML: every text goes through
// textContent, so a merchant or funder name can never inject markup.
export function el(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") element.textContent = value;
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of [].concat(children)) {
    if (child !== null && child !== undefined) element.append(child);
  }
  return element;
}

// A table with a caption, header cells and rows of cells; a cell is text, a Node, or
// {text, className, dataset} for amounts (right-aligned, with their minor units in data-minor).
export function table(caption, headers, rows, footer = null) {
  const cell = (tag, value) =>
    value instanceof Node
      ? el(tag, {}, value)
      : typeof value === "object" && value !== null
        ? el(tag, { class: value.className, dataset: value.dataset, text: value.text })
        : el(tag, { text: value ?? "" });
  return el("table", {}, [
    caption ? el("caption", { text: caption }) : null,
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, rows.map((row) => el("tr", {}, row.map((value, i) => (i === 0 ? cell("th", value) : cell("td", value)))))),
    footer ? el("tfoot", {}, el("tr", {}, footer.map((value, i) => (i === 0 ? cell("th", value) : cell("td", value))))) : null,
  ]);
}

export function amountCell(text, minor) {
  return { text, className: "amount", dataset: { minor: String(minor) } };
}

export function replaceChildren(container, ...children) {
  container.replaceChildren(...children.filter((c) => c !== null && c !== undefined));
}
