export { escapeHtml } from '@credstream/sharing/application';

/** JSON inside a <script> element: `<` escaped so no `</script>` can end it early. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
