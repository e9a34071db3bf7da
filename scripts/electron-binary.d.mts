/** The Electron executable, or null when it is not installed. */
export function electronBinaryPath(): string | null;
export function hasElectronBinary(): boolean;
