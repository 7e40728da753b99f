import { memo } from 'react';
import { useCommand } from '../commands/commands-context';
import { Icon, type IconName } from './Icon';

/**
 * A toolbar button that runs a registered command. With `iconOnly` the label moves into
 * aria-label and title, so the button still has its accessible name.
 */
function CommandButtonComponent({
  command,
  icon,
  iconOnly,
  tone,
}: {
  command: string;
  icon: IconName;
  iconOnly?: boolean;
  tone?: 'danger';
}) {
  const view = useCommand(command);
  return (
    <button
      type="button"
      className={`${iconOnly ? 'icon-button icon-button--toolbar' : 'button button--toolbar'}${tone ? ` button--${tone}` : ''}`}
      onClick={view.run}
      disabled={!view.enabled}
      title={view.title}
      {...(iconOnly ? { 'aria-label': view.label } : {})}
    >
      <Icon name={icon} />
      {!iconOnly && <span>{view.label}</span>}
    </button>
  );
}

export const CommandButton = memo(CommandButtonComponent);
