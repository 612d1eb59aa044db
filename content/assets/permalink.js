// Clicking a heading's permalink symbol (¶) also copies the section's address,
// ready to paste into a newsletter. Navigation to the anchor happens as usual.
document.addEventListener("click", (event) => {
  const link = event.target.closest ? event.target.closest("a.headerlink") : null;
  if (!link || !navigator.clipboard) return;
  navigator.clipboard.writeText(link.href).then(() => {
    link.setAttribute("data-copied", "");
    setTimeout(() => link.removeAttribute("data-copied"), 1500);
  }, () => {});
});
