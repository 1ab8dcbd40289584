// Ink imports devtools only when DEV=true; the bundle never ships them.
export default { initialize() {}, connectToDevTools() {} };
