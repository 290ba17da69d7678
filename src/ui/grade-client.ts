/**
Grades the SQL of a round's exercises: one warm sandbox child process (the
grader's own), the task text shown before answering, and the report as lines.
*/
import type {GradeFn} from '../flow/round-actor.js';
import type {GradeReport, Sandbox} from '../grader/index.js';
import type {Exercise} from '../scenarios/exercise-schema.js';
import {plainReport} from './screens/round-views.js';

type Grader = typeof import('../grader/index.js');

let loadedGrader: Grader | undefined;

/** The grader, loaded on first use: a system-design round never needs it. */
const grader = async (): Promise<Grader> => (loadedGrader ??= await import('../grader/index.js'));

/** A grader for the round's exercises. */
export class GradeClient {
	private sandbox: Sandbox | undefined;
	private readonly tasks = new Map<string, string[]>();

	constructor(
		private readonly exercises: readonly Exercise[],
		private readonly onChange: () => void = () => undefined,
	) {}

	private async box(): Promise<Sandbox> {
		const {Sandbox} = await grader();
		this.sandbox ??= new Sandbox();
		return this.sandbox;
	}

	/** Starts the sandbox and reads every task's sample data in the background. */
	warm(): void {
		for (const exercise of this.exercises) void this.loadTask(exercise);
	}

	private async loadTask(exercise: Exercise): Promise<void> {
		if (this.tasks.has(exercise.id)) return;
		try {
			const {formatTask} = await grader();
			this.tasks.set(exercise.id, await formatTask(exercise, await this.box()));
		} catch (error) {
			this.tasks.set(exercise.id, [`${exercise.title}`, '', ...exercise.task.trimEnd().split('\n'), '', `(the sample data could not be read: ${error instanceof Error ? error.message : String(error)})`]);
		}
		this.onChange();
	}

	/** The task of an exercise, once loaded. */
	task = (exerciseId: string): readonly string[] | undefined => {
		const exercise = this.exercises.find((candidate) => candidate.id === exerciseId);
		if (exercise && !this.tasks.has(exerciseId)) void this.loadTask(exercise);
		return this.tasks.get(exerciseId);
	};

	/** The answer template of an exercise, once the grader is loaded. */
	template = (exercise: Exercise): string | undefined => loadedGrader?.answerTemplate(exercise);

	/** A grading report as the terminal shows it (the grader is loaded by then: it produced the report). */
	reportLines = (exercise: Exercise, report: GradeReport): string[] => {
		return loadedGrader ? loadedGrader.formatReport(exercise, report) : plainReport(exercise, report);
	};

	/** The round's `grade` helper. */
	readonly grade: GradeFn = (request, emit) => {
		let cancelled = false;
		const exercise = this.exercises.find((candidate) => candidate.id === request.exerciseId);
		void (async () => {
			try {
				if (!exercise) throw new Error(`no exercise "${request.exerciseId}" in this round`);
				const {gradeAnswer} = await grader();
				const report = await gradeAnswer(exercise, request.sql, {sandbox: await this.box()});
				if (!cancelled) emit({type: 'exercise.graded', requestId: request.requestId, report});
			} catch (error) {
				if (!cancelled) emit({type: 'exercise.failed', requestId: request.requestId, message: error instanceof Error ? error.message : String(error)});
			}
		})();
		return () => {
			cancelled = true;
		};
	};

	/** Stops the sandbox child. */
	close(): void {
		this.sandbox?.close();
		this.sandbox = undefined;
	}
}
