/**
 * Fluent's light theme with fonts that have Thai. Fluent's stack ("Segoe UI", …, Roboto, "Helvetica
 * Neue", sans-serif) names no font with Thai glyphs, so Thai text falls to whatever the browser picks
 * (Times New Roman's fallback in Chromium). Segoe UI first for Latin text as in Office; then the Thai
 * fonts Windows ships (Leelawadee UI from Windows 8, Tahoma everywhere), macOS (Thonburi), Google's
 * Noto Sans Thai, Sarabun (the government's font), and the TLWG fonts of Linux (Loma, Garuda).
 */
import { type Theme, webLightTheme } from "@fluentui/react-components";

export const THAI_FONT_STACK = [
  '"Segoe UI"', '"Leelawadee UI"', "Leelawadee", "Tahoma", "Thonburi", '"Noto Sans Thai"', '"Noto Sans Thai UI"', "Sarabun",
  '"TH Sarabun New"', "Loma", "Garuda", "-apple-system", "BlinkMacSystemFont", "Roboto", '"Helvetica Neue"', "sans-serif",
].join(", ");

export const sujaritTheme: Theme = { ...webLightTheme, fontFamilyBase: THAI_FONT_STACK };
