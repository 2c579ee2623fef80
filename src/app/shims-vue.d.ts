// Lets plain `tsc` (the repository-wide check) accept .vue imports; vue-tsc reads the real files.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
