import { describe, expect, it } from 'vitest';
import { gradeReply } from './grade';
import { formatQuestionLine, formatSummaryTable } from './report';
import { summarise } from './summary';

const context = { systemPromptLines: [], corpusAmounts: new Set<string>() };
const graded = gradeReply(
  {
    id: 'ans-01',
    question: 'whats OT pay',
    split: 'tune',
    kind: 'answerable',
    document: 'ot.pdf',
    facts: [['$27']],
  },
  {
    text: 'Overtime is $29.',
    citedDocuments: ['stub.pdf'],
    outcome: 'answered',
    escalated: false,
    mode: 'offline',
    fallback: null,
  },
  context,
);

describe('report', () => {
  it('prints a column per set with counts, n/a where a metric does not apply, and the targets', () => {
    const table = formatSummaryTable([{ label: 'unfamiliar tune', summary: summarise([graded]) }]);
    expect(table).toMatch(/answer accuracy \(facts present\)\s+0% \(0\/1\)\s+>= 75%/);
    expect(table).toMatch(/escalation recall \(must-escalate\)\s+n\/a\s+>= 90%/);
    expect(table).toMatch(/invented amounts \(any reply\)\s+100% \(1\/1\)/);
  });

  it('marks each check on the -v line and says what was missing', () => {
    const line = formatQuestionLine('unfamiliar/tune', graded);
    expect(line).toContain('fc-!  whats OT pay');
    expect(line).toContain('missing [$27]; invented $29; wanted ot.pdf, cited stub.pdf');
  });
});
