// Vite builds a `?worker&url` import into its own file and gives its address.
declare module '*?worker&url' {
  const url: string;
  export default url;
}
