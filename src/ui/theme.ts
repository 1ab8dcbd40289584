// The theme as the components get it: a React context over make-theme.ts.
import { createContext, useContext } from 'react';
import { type Theme, makeTheme } from './make-theme.js';

export { type Theme, makeTheme } from './make-theme.js';

export const ThemeContext = createContext<Theme>(makeTheme({ color: true, ascii: false }));
export const useTheme = (): Theme => useContext(ThemeContext);
