/** The home screen: the scenarios to practise, and what each one is. */
import {Box, Text, useApp, useInput} from 'ink';
import {useState} from 'react';
import type {Scenario} from '../../scenarios/schema.js';
import {helpLine, matches} from '../keymap.js';

type Props = {
	readonly scenarios: readonly Scenario[];
};

/** Lists scenarios; enter opens one to show its prompt and how to practise it. */
export function HomeScreen({scenarios}: Props) {
	const {exit} = useApp();
	const [cursor, setCursor] = useState(0);
	const [open, setOpen] = useState<Scenario | undefined>(undefined);

	useInput((input, key) => {
		if (matches('quit', input, key)) exit();
		else if (open && matches('back', input, key)) setOpen(undefined);
		else if (!open && matches('up', input, key)) setCursor((value) => Math.max(0, value - 1));
		else if (!open && matches('down', input, key)) setCursor((value) => Math.min(scenarios.length - 1, value + 1));
		else if (!open && matches('select', input, key)) setOpen(scenarios[cursor]);
	});

	if (open) {
		return (
			<Box flexDirection="column" paddingX={1}>
				<Text bold>{open.title}</Text>
				<Text dimColor>{open.id} · {open.kind}</Text>
				<Box marginY={1}>
					<Text>{open.prompt.trim()}</Text>
				</Box>
				<Text>
					{open.questions.length} clarifying questions in the bank
					{open.kind === 'system-design' ? ` · ${open.architectures.length} candidate architectures` : ''}
				</Text>
				{open.kind === 'system-design' ? <Text dimColor>Try: dojo sim {open.id} --scale 10</Text> : null}
				<Box marginTop={1}>
					<Text dimColor>{helpLine(['back', 'quit'])}</Text>
				</Box>
			</Box>
		);
	}

	return (
		<Box flexDirection="column" paddingX={1}>
			<Text bold>Pipeline Dojo</Text>
			<Text dimColor>Pick a scenario</Text>
			<Box flexDirection="column" marginY={1}>
				{scenarios.map((scenario, index) => (
					<Text key={scenario.id} color={index === cursor ? 'cyan' : undefined}>
						{index === cursor ? '› ' : '  '}
						{scenario.title}
						<Text dimColor> — {scenario.summary}</Text>
					</Text>
				))}
			</Box>
			<Text dimColor>{helpLine(['up', 'down', 'select', 'quit'])}</Text>
		</Box>
	);
}
