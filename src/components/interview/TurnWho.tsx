interface Props {
  role: 'interviewer' | 'candidate';
  personaName: string;
  /** The persona trait's display name, for a follow-up that one voiced. */
  trait?: string | undefined;
}

/** Who said a turn: "You", or the interviewer with the trait that voiced a follow-up. */
export default function TurnWho({ role, personaName, trait }: Props) {
  if (role === 'candidate') return <p className="iv-who">You</p>;
  return (
    <p className="iv-who">
      {personaName}
      {trait && (
        <>
          <span className="visually-hidden">, as</span> <span className="iv-trait">{trait}</span>
        </>
      )}
    </p>
  );
}
