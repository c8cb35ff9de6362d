import { ChangeSection } from './ChangeSection';
import { PlanSection } from './PlanSection';
import { ReportSection } from './ReportSection';
import { SnapshotSection } from './SnapshotSection';

/** The plan's yearly cycle: the plan, dated snapshots, what changed between two, the annual report. */
export function PanelCycle() {
  return (
    <div className="panel-cycle">
      <PlanSection />
      <SnapshotSection />
      <ChangeSection />
      <ReportSection />
    </div>
  );
}
