import { CommandButton } from './CommandButton';
import { MoreToolsButton } from './MoreToolsButton';

/** The map's editing tools; each button runs a registered command. */
export function Toolbar() {
  return (
    <div className="toolbar" role="toolbar" aria-label="Map tools">
      <div className="toolbar__group">
        <CommandButton command="edit.undo" icon="undo" iconOnly />
        <CommandButton command="edit.redo" icon="redo" iconOnly />
      </div>
      <div className="toolbar__group toolbar__group--overflow">
        <CommandButton command="map.addStage" icon="column" />
        <CommandButton command="map.addDepartment" icon="lane" />
      </div>
      <div className="toolbar__group">
        <CommandButton command="map.addTouchpoint" icon="card" />
        <CommandButton command="map.addPainPoint" icon="note" />
        <CommandButton command="map.addOpportunity" icon="bulb" iconOnly />
        <CommandButton command="map.addNote" icon="sticky" iconOnly />
      </div>
      <div className="toolbar__group">
        <CommandButton command="view.fit" icon="fit" iconOnly />
        <CommandButton command="selection.delete" icon="trash" iconOnly tone="danger" />
      </div>
      <div className="toolbar__group toolbar__group--overflow">
        <CommandButton command="help.shortcuts" icon="keyboard" iconOnly />
      </div>
      <MoreToolsButton />
    </div>
  );
}
