export declare const FUSE_SETTINGS: Readonly<Record<string, boolean>>;
export declare function fuseConfig(FuseVersion: Record<string, string>, FuseV1Options: Record<string, number>): Record<string | number, unknown>;
export declare function electronBinary(context: unknown): string;
export declare function afterPack(context: unknown): Promise<void>;
export default afterPack;
