// A hello-world Ink menu, bundled the same way as nettutor: the reference
// `npm run bench` compares nettutor's start-up with.
import { Box, Text, render } from 'ink';
import SelectInput from 'ink-select-input';

const items = Array.from({ length: 8 }, (_, i) => ({ label: `Item ${i + 1}`, value: String(i) }));
render(
  <Box flexDirection="column">
    <SelectInput items={items} />
    <Text>q to quit</Text>
  </Box>,
);
