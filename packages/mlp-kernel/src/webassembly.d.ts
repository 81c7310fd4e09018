// The part of the WebAssembly JavaScript API the kernel uses. TypeScript declares it only in the
// DOM and web-worker libraries, and this repository compiles for Node without them.
declare namespace WebAssembly {
  interface Module {
    readonly [Symbol.toStringTag]: string;
  }
  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(pages: number): number;
  }
  interface Instance {
    readonly exports: Record<string, unknown>;
  }
  const Module: {
    new (bytes: Uint8Array): Module;
    exports(module: Module): { name: string; kind: string }[];
  };
  const Instance: {
    new (module: Module, imports: Record<string, unknown>): Instance;
  };
}
