/**
 * The Content-Security-Policy of the pages web renders: same-origin scripts only (no inline
 * script anywhere: the islands bootstrap is an external module), same-origin styles plus the one
 * style element lightweight-charts inserts, no framing. The headers themselves are set by the
 * services' one `securityHeaders` middleware (`shared/http/security_headers.ts`).
 *
 * @module
 */
import { buildCsp } from "@trading/shared/http";

/**
 * Hash of the one `<style>` element lightweight-charts inserts for its TradingView attribution
 * logo (which its licence asks us to keep); a test recomputes it from the installed library.
 */
export const LWC_LOGO_STYLE_HASH = "sha256-3pRED1tOXas1FXFoPb9TGCjmYe9XQsmO9OV23khV2nY=";

/** The Content-Security-Policy of every page web renders. */
export const CSP: string = buildCsp({ styleHashes: [LWC_LOGO_STYLE_HASH] });
