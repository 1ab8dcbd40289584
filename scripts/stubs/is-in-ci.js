// Ink draws only the final frame when it thinks it runs in CI. nettutor is
// interactive by definition (it refuses to start without a terminal), so the
// bundle always behaves as in a real terminal.
export default false;
