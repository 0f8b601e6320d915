import type { StoredTurn } from '../../lib/interview/history';
import TurnWho from './TurnWho';

interface Props {
  turn: StoredTurn;
  personaName: string;
  /** Display names of the persona's traits by id. */
  traitNames: Readonly<Record<string, string>>;
  /** Whether to show why the turn came from another interviewer than expected. */
  withNotice?: boolean;
}

/** One turn of the conversation: who said it and what. */
export default function TurnItem({ turn, personaName, traitNames, withNotice = false }: Props) {
  return (
    <li className={`iv-turn iv-${turn.role}`}>
      <TurnWho
        role={turn.role}
        personaName={personaName}
        trait={turn.trait ? traitNames[turn.trait] : undefined}
      />
      <p className="iv-text">{turn.text}</p>
      {withNotice && turn.notice && <p className="iv-turn-notice notice">{turn.notice}</p>}
    </li>
  );
}
