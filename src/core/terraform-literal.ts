/**
 * Text that Terraform must take literally. In Terraform JSON every string is a template:
 * `${` starts an interpolation and `%{` a directive, so a GitHub workflow (`${{ github.sha }}`)
 * or a shell script (`${reports[@]}`) written as-is stops the plan with a syntax error.
 * Doubling them (`$${`, `%%{`) is Terraform's escape; the file written holds the original.
 */
export function terraformLiteral(text: string): string {
  return text.replace(/([$%])\{/g, '$1$1{');
}

/** The text a Terraform literal stands for (the reverse of terraformLiteral). */
export function fromTerraformLiteral(text: string): string {
  return text.replace(/([$%])\1\{/g, '$1{');
}
